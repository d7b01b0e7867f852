using System.Text.Json;

namespace SelfDrivingLab.Campaigns.Definitions;

/// <summary>
/// The canonical, versioned description of a campaign definition that decides whether a stored campaign may be
/// resumed under it. Its <see cref="Facts"/> are what defines the campaign — name, site, seed, objective, search space
/// (or pool), constraints and mixtures, proposer settings, and the workflow's steps with their bindings, deadlines and
/// policies: a change to any of them makes another campaign. Its <see cref="FreeFacts"/> may change freely between
/// runs — budget, parallelism, priority, description, approval and the simulated instruments — and so may everything
/// the file says that is not in the definition (comments, formatting, key order, the table's path). Values are written
/// as a campaign file writes them (<c>20m</c>, <c>gaussian_process</c>). Immutable and thread-safe.
/// </summary>
public sealed class CampaignIdentity
{
    /// <summary>The version of the description this build writes; a stored one of another version is not compared.</summary>
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private CampaignIdentity(int version, IReadOnlyList<KeyValuePair<string, string>> facts, IReadOnlyList<KeyValuePair<string, string>> freeFacts)
    {
        Version = version;
        Facts = facts;
        FreeFacts = freeFacts;
    }

    /// <summary>The description's version.</summary>
    public int Version { get; }

    /// <summary>What defines the campaign, path → value, in canonical order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Facts { get; }

    /// <summary>What may change freely, path → value, in canonical order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> FreeFacts { get; }

    /// <summary>The campaign's objectives, read back from <see cref="Facts"/> (for a stored campaign whose file cannot be read).</summary>
    public IReadOnlyList<Optimization.Objectives.Objective> Objectives => IdentityObjectives.Read(Facts);

    /// <summary>The identity of <paramref name="definition"/>.</summary>
    public static CampaignIdentity Of(CampaignDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new(CurrentVersion, IdentityFacts.Defining(definition), IdentityFacts.Free(definition));
    }

    /// <summary>Reads a stored identity; false (and null) for null, damaged JSON, or another version.</summary>
    public static bool TryParse(string? json, out CampaignIdentity? identity)
    {
        identity = null;
        if (string.IsNullOrEmpty(json))
        {
            return false;
        }

        try
        {
            if (JsonSerializer.Deserialize<Stored>(json, Json) is not { Version: CurrentVersion, Facts: { } facts, Free: { } free })
            {
                return false;
            }

            identity = new(CurrentVersion, Pairs(facts), Pairs(free));
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The stored form: <c>{"version":1,"facts":[["name","x"],…],"free":[["budget","48"],…]}</c>, deterministic for a
    /// given definition.
    /// </summary>
    public string ToJson() =>
        JsonSerializer.Serialize(new Stored(Version, [.. Facts.Select(f => new[] { f.Key, f.Value })], [.. FreeFacts.Select(f => new[] { f.Key, f.Value })]), Json);

    /// <summary>What defines the campaign and differs in <paramref name="current"/> (empty when it may be resumed as it is).</summary>
    public IReadOnlyList<DefinitionChange> ChangesTo(CampaignIdentity current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return IdentityDiff.Changes(Facts, current.Facts);
    }

    /// <summary>What may change freely and differs in <paramref name="current"/>.</summary>
    public IReadOnlyList<DefinitionChange> FreeChangesTo(CampaignIdentity current)
    {
        ArgumentNullException.ThrowIfNull(current);
        return IdentityDiff.Changes(FreeFacts, current.FreeFacts);
    }

    private static List<KeyValuePair<string, string>> Pairs(string[][] pairs) =>
        [.. pairs.Where(p => p.Length == 2).Select(p => new KeyValuePair<string, string>(p[0], p[1]))];

    private sealed record Stored(int Version, string[][]? Facts, string[][]? Free);
}
