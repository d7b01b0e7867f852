using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Protocol.Security;

namespace SelfDrivingLab.Transport.Mqtt.Security;

/// <summary>
/// Who may use an <see cref="EmbeddedMqttBroker"/>: per-run passwords for every identity, and the
/// <see cref="AccessPolicy"/> the broker enforces (null: any authenticated identity may do anything, for tests and
/// benchmarks). Anonymous clients are always refused. Immutable and thread-safe.
/// </summary>
public sealed class EmbeddedBrokerAccess
{
    /// <summary>The only identity of a broker without a policy.</summary>
    public const string LocalUserName = "sdl-local";

    private EmbeddedBrokerAccess(AccessPolicy? policy, BrokerCredentials credentials, string defaultUserName)
    {
        Policy = policy;
        Credentials = credentials;
        DefaultUserName = defaultUserName;
    }

    /// <summary>The enforced policy; null allows every authenticated identity everything.</summary>
    public AccessPolicy? Policy { get; }

    /// <summary>The per-run passwords of every identity.</summary>
    public BrokerCredentials Credentials { get; }

    /// <summary>The identity of in-process connections that name none (the orchestrator's).</summary>
    public string DefaultUserName { get; }

    /// <summary>One identity, <see cref="LocalUserName"/>, allowed everything; with a fresh password.</summary>
    public static EmbeddedBrokerAccess Unrestricted() => new(null, BrokerCredentials.Generate([LocalUserName]), LocalUserName);

    /// <summary>
    /// The identities of <paramref name="policy"/>, each with a fresh password; in-process connections that name no
    /// identity act as its first orchestrator.
    /// </summary>
    public static EmbeddedBrokerAccess For(AccessPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var orchestrator = policy.Identities.FirstOrDefault(i => i.Role == BrokerRole.Orchestrator)
            ?? throw new ArgumentException("the access policy has no orchestrator identity.", nameof(policy));
        return new(policy, BrokerCredentials.Generate(policy.Identities.Select(i => i.Name)), orchestrator.Name);
    }

    /// <summary>True when <paramref name="userName"/> may publish on <paramref name="topic"/>.</summary>
    public bool CanPublish(string? userName, string topic) =>
        Policy is null ? userName == LocalUserName : Policy.CanPublish(userName, topic);

    /// <summary>True when <paramref name="userName"/> may subscribe to <paramref name="filter"/>.</summary>
    public bool CanSubscribe(string? userName, string filter) =>
        Policy is null ? userName == LocalUserName : Policy.CanSubscribe(userName, filter);
}
