using Microsoft.Extensions.Time.Testing;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Tests.Fakes;

/// <summary>An instrument gateway whose answers a test scripts per capability; it records every command.</summary>
internal sealed class ScriptedGateway : IInstrumentGateway
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Func<InstrumentCommand, StepCommandResult>> _answers = [];
    private readonly List<InstrumentCommand> _sent = [];
    private readonly List<CommandId> _aborted = [];
    private readonly List<InstrumentRequest> _requests = [];
    private readonly HashSet<string> _missing = [];
    private readonly Dictionary<string, TimeSpan> _durations = [];
    private readonly Dictionary<string, (IReadOnlyList<TimeSpan> Gaps, FakeTimeProvider Clock)> _progress = [];
    private TimeProvider _clock = TimeProvider.System;
    private int _leased;

    public int MaxConcurrentLeases { get; private set; }

    public IReadOnlyList<InstrumentCommand> Sent { get { lock (_gate) { return [.. _sent]; } } }

    public IReadOnlyList<CommandId> Aborted { get { lock (_gate) { return [.. _aborted]; } } }

    /// <summary>Every instrument request, in order; a request for a site is leased there (any other at site <c>lab</c>).</summary>
    public IReadOnlyList<InstrumentRequest> Requests { get { lock (_gate) { return [.. _requests]; } } }

    public ScriptedGateway Answer(string capability, Func<InstrumentCommand, StepCommandResult> answer)
    {
        _answers[capability] = answer;
        return this;
    }

    /// <summary>Commands of <paramref name="capability"/> take <paramref name="duration"/> on <paramref name="clock"/> between accepted and their answer.</summary>
    public ScriptedGateway Taking(string capability, TimeSpan duration, TimeProvider clock)
    {
        _durations[capability] = duration;
        _clock = clock;
        return this;
    }

    /// <summary>
    /// Commands of <paramref name="capability"/> report progress after accepted: one progress event per gap, each after
    /// advancing <paramref name="clock"/> by its gap (the instrument's time passing between reports).
    /// </summary>
    public ScriptedGateway Reporting(string capability, IReadOnlyList<TimeSpan> gaps, FakeTimeProvider clock)
    {
        _progress[capability] = (gaps, clock);
        return this;
    }

    public ScriptedGateway Missing(string capability)
    {
        _missing.Add(capability);
        return this;
    }

    public ValueTask<InstrumentLease> AcquireAsync(InstrumentRequest request, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _requests.Add(request);
        }

        return request switch
        {
            { Only: { } only } => AcquireInstrumentAsync(only.Site, only.Instrument, request.Capability, cancellationToken),
            { Excluded: { } excluded } => ((IInstrumentGateway)this).AcquireOtherAsync(excluded.Site, excluded.Instrument, request.Capability, cancellationToken),
            _ => Lease(request.Site ?? new SiteId("lab"), request.Capability),
        };
    }

    public ValueTask<InstrumentLease> AcquireAsync(string capability, CancellationToken cancellationToken = default) => Lease(new SiteId("lab"), capability);

    private ValueTask<InstrumentLease> Lease(SiteId site, string capability)
    {
        if (_missing.Contains(capability))
        {
            throw new NoInstrumentAvailableException($"no online instrument offers '{capability}'");
        }

        lock (_gate)
        {
            _leased++;
            MaxConcurrentLeases = Math.Max(MaxConcurrentLeases, _leased);
        }

        return ValueTask.FromResult(new InstrumentLease(site, new InstrumentId($"{capability}-1"), capability, _ =>
        {
            lock (_gate)
            {
                _leased--;
            }
        }));
    }

    public ValueTask<InstrumentLease> AcquireInstrumentAsync(SiteId site, InstrumentId instrument, string capability, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new InstrumentLease(site, instrument, capability, null));

    public async Task<StepCommandResult> ExecuteAsync(InstrumentLease lease, InstrumentCommand command, Func<InstrumentEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _sent.Add(command);
        }

        await onEvent(new InstrumentEvent(InstrumentEventKind.Accepted, command.CommandId, lease.Instrument, command.IssuedAt), cancellationToken);
        if (_progress.TryGetValue(lease.Capability, out var reports))
        {
            for (var i = 0; i < reports.Gaps.Count; i++)
            {
                reports.Clock.Advance(reports.Gaps[i]);
                await onEvent(new InstrumentEvent(InstrumentEventKind.Progress, command.CommandId, lease.Instrument, reports.Clock.GetUtcNow(), (i + 1.0) / reports.Gaps.Count), cancellationToken);
            }
        }

        if (_durations.TryGetValue(lease.Capability, out var duration))
        {
            await Task.Delay(duration, _clock, cancellationToken);
        }

        var result = _answers[lease.Capability](command);
        if (result.Status == StepCommandStatus.Completed)
        {
            await onEvent(new InstrumentEvent(InstrumentEventKind.Completed, command.CommandId, lease.Instrument, command.IssuedAt, Results: result.Results ?? ParameterSet.Empty), cancellationToken);
        }

        return result;
    }

    public Task AbortAsync(InstrumentLease lease, CommandId commandId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _aborted.Add(commandId);
        }

        return Task.CompletedTask;
    }

    public async Task<bool> AbortAndConfirmAsync(InstrumentLease lease, CommandId commandId, TimeSpan confirmWithin, CancellationToken cancellationToken = default)
    {
        await AbortAsync(lease, commandId, cancellationToken);
        return true;
    }
}
