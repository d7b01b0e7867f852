using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Protocol.Messages;
using SelfDrivingLab.Workflow.Instruments;

namespace SelfDrivingLab.Workflow.Tests.Fakes;

/// <summary>A gateway over named instruments per capability, each declaring idempotency; answers are scripted per instrument and may await. Records commands and tracks overlap per step.</summary>
internal sealed class PoolGateway : IInstrumentGateway
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<(InstrumentId Id, bool Idempotent)>> _instruments = [];
    private readonly Dictionary<InstrumentId, Func<InstrumentCommand, CancellationToken, Task<StepCommandResult>>> _answers = [];
    private readonly List<(InstrumentCommand Command, InstrumentId Instrument)> _sent = [];
    private readonly List<CommandId> _aborted = [];
    private readonly Dictionary<string, int> _inFlightByStep = [];

    public int MaxInFlightPerStep { get; private set; }

    public TaskCompletionSource FirstSent { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How the instruments answer an abort the runner waits for (default: at once, confirmed).</summary>
    public Func<CommandId, TimeSpan, CancellationToken, Task<bool>> AbortAnswer { get; set; } = (_, _, _) => Task.FromResult(true);

    public IReadOnlyList<(InstrumentCommand Command, InstrumentId Instrument)> Sent { get { lock (_gate) { return [.. _sent]; } } }

    public IReadOnlyList<CommandId> Aborted { get { lock (_gate) { return [.. _aborted]; } } }

    public PoolGateway Instrument(string capability, string id, bool idempotent, Func<InstrumentCommand, CancellationToken, Task<StepCommandResult>> answer)
    {
        if (!_instruments.TryGetValue(capability, out var list))
        {
            _instruments[capability] = list = [];
        }

        list.Add((new InstrumentId(id), idempotent));
        _answers[new InstrumentId(id)] = answer;
        return this;
    }

    public PoolGateway Instrument(string capability, string id, bool idempotent, Func<InstrumentCommand, StepCommandResult> answer) =>
        Instrument(capability, id, idempotent, (c, _) => Task.FromResult(answer(c)));

    public ValueTask<InstrumentLease> AcquireAsync(string capability, CancellationToken cancellationToken = default)
    {
        var (id, idempotent) = _instruments[capability][0];
        return ValueTask.FromResult(Lease(id, capability, idempotent));
    }

    public ValueTask<InstrumentLease> AcquireInstrumentAsync(SiteId site, InstrumentId instrument, string capability, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Lease(instrument, capability, _instruments[capability].First(i => i.Id == instrument).Idempotent));

    public ValueTask<InstrumentLease> AcquireOtherAsync(SiteId site, InstrumentId excluded, string capability, CancellationToken cancellationToken = default)
    {
        var other = _instruments[capability].Where(i => i.Id != excluded).ToList();
        return other.Count == 0
            ? throw new NoInstrumentAvailableException($"no online instrument other than '{excluded}' offers '{capability}'")
            : ValueTask.FromResult(Lease(other[0].Id, capability, other[0].Idempotent));
    }

    public async Task<StepCommandResult> ExecuteAsync(InstrumentLease lease, InstrumentCommand command, Func<InstrumentEvent, CancellationToken, ValueTask> onEvent, CancellationToken cancellationToken = default)
    {
        var step = command.CommandId.Value[..(command.CommandId.Value.IndexOf("-s", StringComparison.Ordinal) + 3)];
        lock (_gate)
        {
            _sent.Add((command, lease.Instrument));
            _inFlightByStep[step] = _inFlightByStep.GetValueOrDefault(step) + 1;
            MaxInFlightPerStep = Math.Max(MaxInFlightPerStep, _inFlightByStep[step]);
        }

        FirstSent.TrySetResult();
        try
        {
            var result = await _answers[lease.Instrument](command, cancellationToken);
            if (result.Status == StepCommandStatus.Completed)
            {
                await onEvent(new InstrumentEvent(InstrumentEventKind.Completed, command.CommandId, lease.Instrument, command.IssuedAt, Results: result.Results), cancellationToken);
            }

            return result;
        }
        finally
        {
            lock (_gate)
            {
                _inFlightByStep[step]--;
            }
        }
    }

    public TaskCompletionSource AbortRequested { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task AbortAsync(InstrumentLease lease, CommandId commandId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            _aborted.Add(commandId);
        }

        AbortRequested.TrySetResult();

        return Task.CompletedTask;
    }

    public async Task<bool> AbortAndConfirmAsync(InstrumentLease lease, CommandId commandId, TimeSpan confirmWithin, CancellationToken cancellationToken = default)
    {
        await AbortAsync(lease, commandId, cancellationToken);
        return await AbortAnswer(commandId, confirmWithin, cancellationToken);
    }

    private static InstrumentLease Lease(InstrumentId id, string capability, bool idempotent) =>
        new(new SiteId("lab"), id, capability, null) { Idempotent = idempotent };
}
