namespace SelfDrivingLab.Dashboard.Operators;

/// <summary>What a signed-in facility identity may do on the page.</summary>
public enum DashboardRole
{
    /// <summary>Sees everything, acts on nothing.</summary>
    Observer,

    /// <summary>Sees everything and may approve, reject, pause, resume and abort.</summary>
    Operator,
}
