namespace SelfDrivingLab.Protocol.Messages;

/// <summary>What an instrument reports about a command.</summary>
public enum InstrumentEventKind
{
    /// <summary>The command was checked and will run.</summary>
    Accepted,

    /// <summary>The command is running; carries a fraction done.</summary>
    Progress,

    /// <summary>Final: the action finished; carries results.</summary>
    Completed,

    /// <summary>Final: the action started but failed; carries an error.</summary>
    Failed,

    /// <summary>Final: the command was refused without running (bad parameters, limits, busy, unknown action).</summary>
    Rejected,

    /// <summary>Final: the action was stopped by an abort.</summary>
    Aborted,

    /// <summary>Answer to a status command about an unknown command id.</summary>
    Unknown,
}
