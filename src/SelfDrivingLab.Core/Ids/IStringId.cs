namespace SelfDrivingLab.Core.Ids;

/// <summary>A strongly typed id whose value is a validated string.</summary>
public interface IStringId<TSelf>
    where TSelf : struct, IStringId<TSelf>
{
    /// <summary>The id's text.</summary>
    string Value { get; }

    /// <summary>Creates and validates an id.</summary>
    static abstract TSelf Create(string value);
}
