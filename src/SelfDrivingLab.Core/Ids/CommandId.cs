using System.Text.Json.Serialization;

namespace SelfDrivingLab.Core.Ids;

/// <summary>Identifies a Command; a non-empty token of letters, digits, '-', '_' or '.'. Immutable and thread-safe.</summary>
[JsonConverter(typeof(StringIdJsonConverter<CommandId>))]
public readonly record struct CommandId : IStringId<CommandId>
{
    /// <summary>Creates the id after checking <paramref name="value"/> with <see cref="IdRules.Validate"/>.</summary>
    public CommandId(string value) => Value = IdRules.Validate(value, nameof(CommandId));

    /// <summary>The id's text.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public static CommandId Create(string value) => new(value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
