using System.Collections.Frozen;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Protocol.Control;
using SelfDrivingLab.Protocol.Topics;

namespace SelfDrivingLab.Protocol.Security;

/// <summary>
/// Who may publish and subscribe what on one site's broker: the one definition both the embedded broker's interceptors
/// and the generated Mosquitto ACL file enforce. Every identity's grants are listed by <see cref="RulesFor"/>; anything
/// not granted is refused. Immutable and thread-safe.
/// </summary>
public sealed class AccessPolicy
{
    private readonly FrozenDictionary<string, BrokerIdentity> _identities;
    private readonly FrozenDictionary<string, IReadOnlyList<TopicRule>> _rules;

    /// <summary>
    /// Creates the policy of <paramref name="site"/> for <paramref name="identities"/> (names unique, valid ids).
    /// <paramref name="otherSites"/> (default none) are the facility's sites bridged to this one: the orchestrator may
    /// command their instruments, and it, operators and observers may read their topics and the links' states. With
    /// <paramref name="oneBrokerForAllSites"/> (default false) this broker stands in for every site's (a simulated run on one
    /// embedded broker): an instrument may also use its own topics at the other sites, as it would on their brokers.
    /// </summary>
    public AccessPolicy(SiteId site, IEnumerable<BrokerIdentity> identities, IEnumerable<SiteId>? otherSites = null, bool oneBrokerForAllSites = false)
    {
        ArgumentNullException.ThrowIfNull(identities);
        Site = site;
        OtherSites = [.. (otherSites ?? []).Where(s => s != site).Distinct()];
        var list = identities.ToList();
        foreach (var identity in list)
        {
            if (!IdRules.IsValid(identity.Name))
            {
                throw new ArgumentException($"'{identity.Name}' is not a valid identity name; use letters, digits, '-', '_' or '.'.", nameof(identities));
            }
        }

        var duplicate = list.GroupBy(i => i.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"identity '{duplicate.Key}' is declared twice.", nameof(identities));
        }

        Identities = list;
        _identities = list.ToFrozenDictionary(i => i.Name, StringComparer.Ordinal);
        _rules = list.ToFrozenDictionary(i => i.Name, i => (IReadOnlyList<TopicRule>)[.. Build(site, i), .. Across(OtherSites, i, oneBrokerForAllSites)], StringComparer.Ordinal);
    }

    /// <summary>The facility's other sites, bridged to this one.</summary>
    public IReadOnlyList<SiteId> OtherSites { get; }

    /// <summary>The site the policy protects.</summary>
    public SiteId Site { get; }

    /// <summary>Every identity, in declaration order.</summary>
    public IReadOnlyList<BrokerIdentity> Identities { get; }

    /// <summary>The identity called <paramref name="name"/>, or null.</summary>
    public BrokerIdentity? Find(string? name) => name is not null && _identities.TryGetValue(name, out var identity) ? identity : null;

    /// <summary>The grants of <paramref name="name"/>; empty for an unknown identity.</summary>
    public IReadOnlyList<TopicRule> RulesFor(string name) => _rules.TryGetValue(name, out var rules) ? rules : [];

    /// <summary>True when <paramref name="name"/> may publish on <paramref name="topic"/>.</summary>
    public bool CanPublish(string? name, string topic) =>
        name is not null && RulesFor(name).Any(r => r.Access == TopicAccess.Write && r.Matches(topic));

    /// <summary>True when <paramref name="name"/> may subscribe to <paramref name="filter"/> (every topic it matches is readable).</summary>
    public bool CanSubscribe(string? name, string filter) =>
        name is not null && RulesFor(name).Any(r => r.Access == TopicAccess.Read && r.Covers(filter));

    // What an identity may do at the other sites through this site's broker (and its bridges). Instruments talk to their
    // own site's broker only: they get nothing here, unless this broker stands in for every site's.
    private static IEnumerable<TopicRule> Across(IReadOnlyList<SiteId> otherSites, BrokerIdentity identity, bool oneBrokerForAllSites)
    {
        if (otherSites.Count == 0 || (identity.Role == BrokerRole.Instrument && !oneBrokerForAllSites))
        {
            yield break;
        }

        if (identity.Role == BrokerRole.Instrument)
        {
            foreach (var rule in otherSites.SelectMany(other => Build(other, identity)))
            {
                yield return rule;
            }

            yield break;
        }

        var root = InstrumentTopics.Root;
        foreach (var other in otherSites)
        {
            // The other site's control channel too (the bridges carry the hub's): a host that took a campaign over at
            // another site still answers the facility's operators, and they reach it through any site's broker.
            var control = new ControlTopics(other);
            if (identity.Role == BrokerRole.Orchestrator)
            {
                yield return new TopicRule(TopicAccess.Write, $"{root}/{other}/+/command");
                yield return new TopicRule(TopicAccess.Write, control.Response("+"));
                yield return new TopicRule(TopicAccess.Read, control.RequestFilter);
            }
            else if (identity.Role == BrokerRole.Operator)
            {
                yield return new TopicRule(TopicAccess.Write, control.RequestFrom(identity.Name));
                yield return new TopicRule(TopicAccess.Read, control.Response("+"));
            }

            yield return new TopicRule(TopicAccess.Read, $"{root}/{other}/#");
        }

        if (identity.Role != BrokerRole.Orchestrator)
        {
            yield return new TopicRule(TopicAccess.Read, SiteLinkTopics.All);
        }
    }

    private static List<TopicRule> Build(SiteId site, BrokerIdentity identity)
    {
        var root = InstrumentTopics.Root;
        var control = new ControlTopics(site);
        static TopicRule Read(string filter) => new(TopicAccess.Read, filter);
        static TopicRule Write(string filter) => new(TopicAccess.Write, filter);
        return identity.Role switch
        {
            // The orchestrator subscribes with a site wildcard (InstrumentTopics.AllEvents); one facility is one site.
            BrokerRole.Orchestrator =>
            [
                Write($"{root}/{site}/+/command"),
                Write(control.Response("+")),
                Write($"{root}/{site}/presence-check/+"),
                Read(InstrumentTopics.AllEvents),
                Read(InstrumentTopics.AllAvailability),
                Read(InstrumentTopics.AllCapabilities),
                // The bridges' states (none on one broker): an instrument behind a broken link is not leased.
                Read(SiteLinkTopics.All),
                Read(control.RequestFilter),
                // Everything on its site: the presence check before simulated instruments go on an external broker reads
                // the site's retained availability and its own marker through one subscription, to keep their order.
                Read($"{root}/{site}/#"),
            ],
            BrokerRole.Instrument =>
            [
                Write($"{root}/{site}/{identity.Name}/event"),
                Write($"{root}/{site}/{identity.Name}/availability"),
                Write($"{root}/{site}/{identity.Name}/capabilities"),
                Read($"{root}/{site}/{identity.Name}/command"),
            ],
            BrokerRole.Operator =>
            [
                Write(control.RequestFrom(identity.Name)),
                Read(control.Response("+")),
                Read($"{root}/{site}/#"),
            ],
            BrokerRole.Observer => [Read($"{root}/{site}/#")],
            _ => throw new ArgumentOutOfRangeException(nameof(identity), identity.Role, "unknown role"),
        };
    }
}
