namespace SelfDrivingLab.Protocol.Security;

/// <summary>Whether a <see cref="TopicRule"/> allows publishing or subscribing.</summary>
public enum TopicAccess
{
    /// <summary>Subscribe (and so receive) on topics the filter covers.</summary>
    Read,

    /// <summary>Publish on topics the filter matches.</summary>
    Write,
}
