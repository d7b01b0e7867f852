using SelfDrivingLab.Campaigns.Definitions;
using SelfDrivingLab.Core.Ids;

namespace SelfDrivingLab.Hosting;

/// <summary>How <see cref="CampaignHost"/> runs a campaign, or several sharing a facility's instruments. Immutable.</summary>
public sealed record CampaignHostSettings
{
    /// <summary>Runs one campaign with its own simulators.</summary>
    public CampaignHostSettings(CampaignDefinition definition)
        : this(FacilityDefinition.Single(definition))
    {
    }

    /// <summary>Runs every campaign of <paramref name="facility"/> at once on its shared instruments.</summary>
    public CampaignHostSettings(FacilityDefinition facility) => Facility = facility;

    /// <summary>The campaigns and the shared instruments.</summary>
    public FacilityDefinition Facility { get; }

    /// <summary>The first (for a single campaign, the only) campaign.</summary>
    public CampaignDefinition Definition => Facility.Campaigns[0];

    /// <summary>
    /// Ledger file (default <c>.sdl/ledger.db</c> under the current directory). With <see cref="LedgerConnectionString"/> the
    /// ledger is in PostgreSQL instead, and this path only places the files kept next to a ledger (the control endpoint).
    /// </summary>
    public string LedgerPath { get; init; } = Path.GetFullPath(Path.Combine(".sdl", "ledger.db"));

    /// <summary>
    /// A PostgreSQL ledger (<c>postgres://user@host:port/database?schema=name</c> or an Npgsql connection string) instead of the
    /// file at <see cref="LedgerPath"/>; null (default) for the file, unless <see cref="UseConfiguredLedger"/>. Its password may come
    /// from <c>Ledger:Password</c> (<c>Ledger__Password</c> in the environment) or <c>PGPASSWORD</c>. <c>sdl run --ledger postgres://…</c>.
    /// </summary>
    public string? LedgerConnectionString { get; init; }

    /// <summary>
    /// When <see cref="LedgerConnectionString"/> is null, take it from the host's configuration (<c>Ledger:ConnectionString</c>:
    /// <c>appsettings.json</c> or <c>Ledger__ConnectionString</c> in the environment) when set there (default false: the file).
    /// <c>sdl run</c> without <c>--ledger</c>.
    /// </summary>
    public bool UseConfiguredLedger { get; init; }

    /// <summary>
    /// External broker; null (default) starts an embedded broker on 127.0.0.1. An external broker needs
    /// the wall clock (<see cref="VirtualTime"/> false): the virtual clock cannot see messages another process holds.
    /// </summary>
    public BrokerAddress? Broker { get; init; }

    /// <summary>
    /// A credentials file (<c>sdl facility broker-config</c>'s <c>credentials.json</c>) for an external broker: each simulated
    /// instrument connects as its own identity, the host as the facility's orchestrator (unless <c>Mqtt:Username</c> says
    /// otherwise). Null (default): the <c>Mqtt</c> configuration only. <c>sdl run --credentials</c>, or <c>Mqtt__CredentialsFile</c>.
    /// </summary>
    public string? BrokerCredentialsFile { get; init; }

    /// <summary>
    /// PEM certificate authority of an external TLS broker (<c>mqtts://</c>); null (default) for <c>Mqtt:CaFile</c>, else the
    /// system trust store. <c>Mqtt__CaFile</c> in the environment.
    /// </summary>
    public string? BrokerCaFile { get; init; }

    /// <summary>
    /// How long the host tries to reach the broker at start-up before it fails naming it; null (default)
    /// keeps the transport's default (<c>Mqtt:StartupConnectTimeout</c>, 30 s). Validated when the host starts.
    /// </summary>
    public TimeSpan? BrokerConnectTimeout { get; init; }

    /// <summary>
    /// Run on a virtual clock that jumps whenever everything waits (default true). Only sensible
    /// when every instrument is a simulator in this process on the embedded broker; real instruments and
    /// external brokers need the wall clock.
    /// </summary>
    public bool VirtualTime { get; init; } = true;

    /// <summary>How long an experiment waits for an online instrument offering a capability before the campaign fails (default 10 minutes).</summary>
    public TimeSpan InstrumentWaitTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Directory where each simulated instrument writes its execution log (one JSON line per physical execution); null (default) for none.</summary>
    public string? ExecutionLogDirectory { get; init; }

    /// <summary>
    /// Directory of the simulated instruments' durable command journals; null (default) keeps command ids
    /// in memory. Set it when the simulators run as their own process that may restart (<c>sdl simulate</c>).
    /// </summary>
    public string? JournalDirectory { get; init; }

    /// <summary>
    /// Run only the simulated instruments that stand at this site (<c>sdl simulate --site</c>), every one on
    /// <see cref="Broker"/>, which is then that site's own broker; null (default) runs them all, each on its own site's
    /// broker.
    /// </summary>
    public SiteId? SimulatorSite { get; init; }

    /// <summary>
    /// The instruments run elsewhere (another process, e.g. <c>sdl simulate</c>, or real hardware): do not
    /// start the file's simulated instruments in this host (default false). Needs an external <see cref="Broker"/>
    /// and the wall clock.
    /// </summary>
    public bool ExternalInstruments { get; init; }

    /// <summary>
    /// Resume a running campaign of the same name even when its definition changed in what defines it (space,
    /// objective, workflow, pool, seed, proposer settings), recording the change in the ledger (default false: such a
    /// start is refused, naming every change, before anything is written). <c>sdl run --accept-changes</c>.
    /// </summary>
    public bool AcceptChanges { get; init; }

    /// <summary>
    /// On a PostgreSQL ledger, when another live host holds the lease of a campaign of this facility, wait for it (asking every
    /// heartbeat) and take the campaign over once that lease expires, resuming it from the ledger as after a restart (default
    /// false: such a start is refused at once, naming the other host). <c>sdl run --standby</c>.
    /// </summary>
    public bool Standby { get; init; }

    /// <summary>Failed or timed-out commands in a row after which an instrument is quarantined until an operator returns it to service (default 3).</summary>
    public int QuarantineAfterFailures { get; init; } = SelfDrivingLab.Workflow.Instruments.InstrumentQuarantineOptions.DefaultConsecutiveFailures;

    /// <summary>Minimum log level written to the console (default Warning).</summary>
    public Microsoft.Extensions.Logging.LogLevel LogLevel { get; init; } = Microsoft.Extensions.Logging.LogLevel.Warning;
}
