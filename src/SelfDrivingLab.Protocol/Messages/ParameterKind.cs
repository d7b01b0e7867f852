namespace SelfDrivingLab.Protocol.Messages;

/// <summary>What kind of value a parameter takes (<see cref="ParameterLimit.Type"/>).</summary>
public enum ParameterKind
{
    /// <summary>A finite number (JSON number).</summary>
    Number,

    /// <summary>A whole number (JSON number without a fractional part).</summary>
    Integer,

    /// <summary>Text (JSON string); free text unless <see cref="ParameterLimit.Choices"/> lists the accepted values.</summary>
    Text,
}
