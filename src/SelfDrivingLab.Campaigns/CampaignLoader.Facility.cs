using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Campaigns.Loading;
using SelfDrivingLab.Core.Ids;
using YamlDotNet.RepresentationModel;

namespace SelfDrivingLab.Campaigns;

/// <summary>Loading facility files: several campaign files sharing one pool of instruments.</summary>
public static partial class CampaignLoader
{
    private static readonly string[] FacilityKeys = ["facility", "description", "site", "sites", "campaigns", "simulators", "access"];

    /// <summary>True when the YAML file's top level has a <c>facility</c> key (a facility file rather than a campaign file).</summary>
    public static bool IsFacilityFile(string path)
    {
        try
        {
            var stream = new YamlStream();
            using var reader = new StringReader(CampaignFileText.Read(Path.GetFullPath(path)));
            stream.Load(reader);
            return stream.Documents.Count > 0
                && stream.Documents[0].RootNode is YamlMappingNode root
                && root.Children.ContainsKey(new YamlScalarNode("facility"));
        }
        catch (Exception ex) when (ex is CampaignDefinitionException or YamlDotNet.Core.YamlException or InvalidOperationException)
        {
            // Not readable as YAML: let the campaign loader report the problem properly.
            return false;
        }
    }

    /// <summary>
    /// Loads a facility file:
    /// <code>
    /// facility: shared-facility
    /// site: lab
    /// campaigns: [a.yaml, b.yaml]     # campaign files (relative to this file), without simulators of their own
    /// simulators: [...]               # the shared instruments, as in a campaign file
    /// sites:                          # optional: the facility's other sites, each broker bridged to this one
    ///   - { id: lab-b, broker: mqtts://lab-b.example:8883 }
    /// access:                         # optional: identities on the broker (simulators are instruments anyway)
    ///   identities: [{ name: orchestrator, role: orchestrator }, { name: alice, role: operator }]
    /// </code>
    /// Every problem (in this file or in a campaign file) is reported with its path and line.
    /// </summary>
    public static FacilityDefinition LoadFacilityFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        var fileName = Path.GetFileName(fullPath);
        var text = CampaignFileText.Read(fullPath);
        var errors = new ErrorList();
        var node = LoadRoot(text, errors);
        var facility = node is null ? null : ReadFacility(new YamlMap(node, string.Empty, errors), fullPath);
        if (facility is null || errors.Count > 0)
        {
            throw new CampaignDefinitionException(fileName, errors.InFileOrder());
        }

        return facility;
    }

    private static FacilityDefinition? ReadFacility(YamlMap root, string fullPath)
    {
        var errors = root.Errors;
        root.CheckKeys(FacilityKeys);
        var name = root.String("facility", required: true);
        if (name is not null && !IdRules.IsValid(name))
        {
            errors.Add("facility", $"'{name}' is not a valid name; use letters, digits, '-', '_' or '.'", root.Get("facility"));
        }

        var siteText = root.String("site") ?? "lab";
        SiteId? site = IdRules.IsValid(siteText) ? new SiteId(siteText) : null;
        if (site is null)
        {
            errors.Add("site", $"'{siteText}' is not a valid site id", root.Get("site"));
        }

        var directory = Path.GetDirectoryName(fullPath)!;
        var campaigns = new List<CampaignDefinition>();
        foreach (var (node, itemPath) in root.List("campaigns", required: true) ?? [])
        {
            if (ReadFacilityCampaign(node, itemPath, directory, site, errors) is { } campaign)
            {
                campaigns.Add(campaign);
            }
        }

        var access = AccessReader.Read(root);
        var otherSites = SitesReader.Read(root, site);
        var steps = campaigns.SelectMany(c => c.Steps).ToList();
        var (simulators, _, complete) = SimulatorReader.Read(root, directory, steps);
        if (name is null || site is null || !complete || errors.Count > 0)
        {
            return null;
        }

        // Distinct campaign names and shared instruments that offer every step are the model's rules (CampaignValidator).
        var facility = new FacilityDefinition(name, root.String("description"), site.Value, campaigns, [.. simulators.Select(s => s.Simulator)], fullPath) { Access = access, OtherSites = otherSites };
        new YamlDefinitionSource(root.Node).Report(CampaignValidator.Validate(facility), errors);
        return errors.Count == 0 ? facility : null;
    }

    private static CampaignDefinition? ReadFacilityCampaign(YamlNode node, string itemPath, string directory, SiteId? site, ErrorList errors)
    {
        if (node is not YamlScalarNode { Value: { Length: > 0 } file })
        {
            errors.Add(itemPath, "expected the path of a campaign file", node);
            return null;
        }

        CampaignDefinition campaign;
        try
        {
            campaign = LoadFile(Path.Combine(directory, file));
        }
        catch (CampaignDefinitionException ex)
        {
            foreach (var inner in ex.Errors)
            {
                var where = inner.Line is { } line ? $"{ex.FileName} line {line}" : ex.FileName;
                errors.Add(itemPath, $"{where} {inner.Path}: {inner.Message}".Replace(" : ", ": ", StringComparison.Ordinal), node);
            }

            return null;
        }

        if (campaign.Simulators.Count > 0)
        {
            errors.Add(itemPath, $"campaign file '{file}' declares simulators; in a facility the shared instruments belong to the facility file", node);
        }

        if (site is { } s && campaign.Site != s)
        {
            errors.Add(itemPath, $"campaign file '{file}' uses site '{campaign.Site}', the facility uses '{s}'", node);
        }

        return campaign;
    }
}
