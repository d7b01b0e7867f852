using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Ids;

/// <summary>Identifies a Site; a non-empty token of letters, digits, '-', '_' or '.'. Immutable and thread-safe.</summary>
[JsonConverter(typeof(StringIdJsonConverter<SiteId>))]
public readonly record struct SiteId : IStringId<SiteId>
{
    /// <summary>Creates the id after checking <paramref name="value"/> with <see cref="IdRules.Validate"/>.</summary>
    public SiteId(string value) => Value = IdRules.Validate(value, nameof(SiteId));

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static SiteId Create(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
