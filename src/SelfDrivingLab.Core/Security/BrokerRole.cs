namespace SelfDrivingLab.Core.Security;

/// <summary>What an identity on the broker may do (the access policy of the broker).</summary>
public enum BrokerRole
{
    /// <summary>Sends commands, reads every instrument's events, availability and capabilities, answers operators.</summary>
    Orchestrator,

    /// <summary>Publishes only its own event, availability and capabilities topics; reads only its own command topic.</summary>
    Instrument,

    /// <summary>Sends control requests (pause, resume, abort, approve, admit, …) on its own request topic; reads like an observer.</summary>
    Operator,

    /// <summary>Reads the site's topics; publishes nothing.</summary>
    Observer,
}
