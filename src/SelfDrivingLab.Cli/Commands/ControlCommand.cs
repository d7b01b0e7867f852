using System.CommandLine;
using System.Globalization;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Hosting;
using SelfDrivingLab.Hosting.Control;
using SelfDrivingLab.Ledger.Postgres;
using SelfDrivingLab.Protocol.Control;

namespace SelfDrivingLab.Cli.Commands;

/// <summary>
/// <c>sdl control &lt;action&gt; [target]</c>: operator requests to a running host — status, pause,
/// resume, abort, approve, reject, return-to-service, admit — over the host's broker.
/// </summary>
internal static class ControlCommand
{
    private static readonly (string Name, ControlAction Action, string? Target, string Description)[] Actions =
    [
        ("status", ControlAction.Status, null, "Show running campaigns, proposals waiting for approval and quarantined instruments."),
        ("pause", ControlAction.Pause, "campaign", "Pause a campaign: in-flight steps finish, nothing new is dispatched or proposed."),
        ("resume", ControlAction.Resume, "campaign", "Resume a paused campaign."),
        ("abort", ControlAction.Abort, "campaign", "Abort a campaign: instruments receive an abort for their in-flight commands."),
        ("approve", ControlAction.Approve, "experiment", "Approve a proposal waiting at the approval gate."),
        ("reject", ControlAction.Reject, "experiment", "Reject a proposal waiting at the approval gate (it ends aborted)."),
        ("return-to-service", ControlAction.ReturnToService, "instrument", "Return a quarantined instrument to service."),
        ("admit", ControlAction.Admit, "instrument", "Admit an instrument waiting for admission (see status) for the capabilities it announces now."),
    ];

    public static Command Create(CliConsole console)
    {
        var command = new Command("control", "Send an operator request to a running host (found through its ledger, or --broker and --site).");
        foreach (var (name, action, target, description) in Actions)
        {
            command.Subcommands.Add(CreateAction(console, name, action, target, description));
        }

        return command;
    }

    private static Command CreateAction(CliConsole console, string name, ControlAction action, string? targetName, string description)
    {
        var ledger = new Option<string?>("--ledger")
        {
            Description = "Ledger of the running host (default: .sdl/ledger.db); its endpoint file names the broker. For a host on a PostgreSQL ledger (postgres://…), the endpoint file is under .sdl/ in the directory the host runs in: run this there, or give --broker and --site.",
        };
        var broker = new Option<string?>("--broker") { Description = "Broker host:port of the running host (instead of --ledger)." };
        var site = new Option<string>("--site") { Description = "Site of the orchestrator to reach with --broker (default: lab).", DefaultValueFactory = _ => "lab" };
        var who = new Option<string>("--operator") { Description = "Your name, stored with the decision (default: the login name).", DefaultValueFactory = _ => Environment.UserName };
        var reason = new Option<string?>("--reason") { Description = "Why, for the record." };
        var timeout = new Option<string>("--timeout") { Description = "How long to wait for the answer (default 10s).", DefaultValueFactory = _ => "10s" };
        var command = new Command(name, description) { ledger, broker, site, who, reason, timeout };
        Argument<string>? target = null;
        if (targetName is not null)
        {
            target = new Argument<string>(targetName) { Description = $"The {targetName} (id{(targetName == "campaign" ? " or name" : string.Empty)})." };
            command.Arguments.Add(target);
        }

        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!Durations.TryParsePositive(parse.GetValue(timeout), "--timeout", console, out var wait))
            {
                return ExitCodes.BadInput;
            }

            var requestId = string.Create(CultureInfo.InvariantCulture, $"{name}-{Guid.NewGuid():N}");
            var request = new ControlRequest(requestId, action, parse.GetValue(who)!, target is null ? null : parse.GetValue(target), parse.GetValue(reason));
            var json = Protocol.Messages.ProtocolJson.Serialize(request);
            if (!ControlReader.TryReadRequest(json, out _, out var problem))
            {
                console.Error.WriteLine($"error: {problem}");
                return ExitCodes.BadInput;
            }

            try
            {
                var endpoint = ResolveEndpoint(parse.GetValue(ledger), parse.GetValue(broker), parse.GetValue(site)!);
                var response = await ControlClient.SendAsync(endpoint, request, wait, TimeProvider.System, cancellationToken);
                Print(console, response);
                return response.Ok ? ExitCodes.Ok : ExitCodes.BadInput;
            }
            catch (CampaignHostException ex)
            {
                // No host on that ledger, broker or site: the request reached nobody, as with a bad option.
                console.Error.WriteLine($"error: {ex.Message}");
                return ExitCodes.BadInput;
            }
        });
        return command;
    }

    private static ControlEndpoint ResolveEndpoint(string? ledger, string? broker, string site)
    {
        if (broker is null && ledger is not null && PostgresLedgerLocation.IsPostgresUri(ledger))
        {
            // A host on a PostgreSQL ledger keeps its side files (this endpoint among them) where a file ledger would be by default.
            try
            {
                return ControlEndpoint.Read(DefaultLedgerPath);
            }
            catch (CampaignHostException ex)
            {
                throw new CampaignHostException($"{ex.Message} (a host on a PostgreSQL ledger writes its endpoint file under .sdl/ in the directory it runs in)", ex);
            }
        }

        if (broker is null)
        {
            return ControlEndpoint.Read(ledger is null ? DefaultLedgerPath : Path.GetFullPath(ledger));
        }

        if (!BrokerAddress.TryParse(broker, out var address, out var error))
        {
            throw new CampaignHostException($"--broker: {error}");
        }

        return IdRules.IsValid(site)
            ? new ControlEndpoint(address!.Host, address.Port, site, 0)
            : throw new CampaignHostException($"--site: '{site}' is not a valid site id");
    }

    private static string DefaultLedgerPath => Path.GetFullPath(Path.Combine(".sdl", "ledger.db"));

    private static void Print(CliConsole console, ControlResponse response)
    {
        (response.Ok ? console.Out : console.Error).WriteLine(LogText.Escape(response.Ok ? response.Message : "refused: " + response.Message));
        foreach (var c in response.Campaigns ?? [])
        {
            // The response came over the broker: every line is escaped before it reaches the terminal.
            var by = c.ChangedBy is null ? string.Empty : $" (by {c.ChangedBy}{(c.Reason is null ? string.Empty : ": " + c.Reason)})";
            console.Out.WriteLine(LogText.Escape(string.Create(CultureInfo.InvariantCulture, $"  campaign {c.Campaign} ({c.Name})  {c.State}{by}  priority {c.Priority}  {c.PendingApprovals} waiting for approval")));
        }

        foreach (var p in response.Pending ?? [])
        {
            var parameters = string.Join(", ", p.Parameters.Select(kv => $"{kv.Key}={kv.Value}"));
            console.Out.WriteLine(LogText.Escape($"  waiting {p.Experiment}  {parameters}  since {p.Since:u}: {p.Why}"));
        }

        foreach (var q in response.Quarantined ?? [])
        {
            console.Out.WriteLine(LogText.Escape($"  quarantined {q.Site}/{q.Instrument}  since {q.Since:u}: {q.Reason}"));
        }

        foreach (var a in response.AwaitingAdmission ?? [])
        {
            console.Out.WriteLine(LogText.Escape($"  not admitted {a.Site}/{a.Instrument}  announces {string.Join(", ", a.Announced)}  since {a.Since:u}: {a.Reason}"));
        }
    }
}
