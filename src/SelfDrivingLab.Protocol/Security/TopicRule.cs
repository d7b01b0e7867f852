namespace SelfDrivingLab.Protocol.Security;

/// <summary>One grant of an <see cref="AccessPolicy"/>: read or write on the topics an MQTT filter matches. Immutable.</summary>
/// <param name="Access">Read (subscribe) or write (publish).</param>
/// <param name="Filter">An MQTT topic filter (<c>+</c> and <c>#</c> wildcards).</param>
public sealed record TopicRule(TopicAccess Access, string Filter)
{
    /// <summary>True when <paramref name="topic"/> (no wildcards) matches <see cref="Filter"/>.</summary>
    public bool Matches(string topic) => Covers(topic);

    /// <summary>
    /// True when every topic <paramref name="filter"/> can match is also matched by <see cref="Filter"/>: a subscription to
    /// <c>sdl/v1/#</c> is not covered by <c>sdl/v1/lab/printer-1/command</c>, so it is refused rather than narrowed.
    /// </summary>
    public bool Covers(string filter)
    {
        var granted = Filter.Split('/');
        var asked = filter.Split('/');
        for (var i = 0; i < granted.Length; i++)
        {
            if (granted[i] == "#")
            {
                return true;
            }

            if (i >= asked.Length || asked[i] == "#")
            {
                return false;
            }

            if (granted[i] != "+" && granted[i] != asked[i])
            {
                return false;
            }
        }

        return asked.Length == granted.Length;
    }
}
