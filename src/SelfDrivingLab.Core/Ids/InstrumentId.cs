using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Ids;

/// <summary>Identifies a Instrument; a non-empty token of letters, digits, '-', '_' or '.'. Immutable and thread-safe.</summary>
[JsonConverter(typeof(StringIdJsonConverter<InstrumentId>))]
public readonly record struct InstrumentId : IStringId<InstrumentId>
{
    /// <summary>Creates the id after checking <paramref name="value"/> with <see cref="IdRules.Validate"/>.</summary>
    public InstrumentId(string value) => Value = IdRules.Validate(value, nameof(InstrumentId));

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static InstrumentId Create(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
