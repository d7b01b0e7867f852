using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Ids;

/// <summary>Identifies a Campaign; a non-empty token of letters, digits, '-', '_' or '.'. Immutable and thread-safe.</summary>
[JsonConverter(typeof(StringIdJsonConverter<CampaignId>))]
public readonly record struct CampaignId : IStringId<CampaignId>
{
    /// <summary>Creates the id after checking <paramref name="value"/> with <see cref="IdRules.Validate"/>.</summary>
    public CampaignId(string value) => Value = IdRules.Validate(value, nameof(CampaignId));

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static CampaignId Create(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
