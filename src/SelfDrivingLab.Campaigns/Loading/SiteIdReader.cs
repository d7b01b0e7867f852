using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Campaigns.Loading;

/// <summary>
/// Reads an optional <c>site:</c> (a step's, a simulator's, a transfer's destination). Whether the facility knows the site
/// is the validator's question (FacilityRules).
/// </summary>
internal static class SiteIdReader
{
    /// <summary>The site when given and valid; Ok is false when the key is present but not a valid site id.</summary>
    public static (SiteId? Site, bool Ok) Read(YamlMap map, string key = "site")
    {
        if (map.String(key) is not { } site)
        {
            return (null, !map.Has(key));
        }

        if (IdRules.IsValid(site))
        {
            return (new SiteId(site), true);
        }

        map.Error(key, $"'{site}' is not a valid site id; use letters, digits, '-', '_' or '.'");
        return (null, false);
    }
}
