using System.Collections.Concurrent;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Parameters;
using SelfDrivingLab.Protocol.Messages;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>
/// A driver the test steers: each call reports 50 % progress, then waits until the test completes,
/// fails or lets it be cancelled. Offers <c>anneal</c> (temperature 20-1000 °C, atmosphere air|argon,
/// optional minutes) on a configurable number of channels.
/// </summary>
public sealed class ScriptedDriver : IInstrumentDriver
{
    private readonly ConcurrentDictionary<CommandId, TaskCompletionSource<ParameterSet>> _pending = new();
    private readonly ConcurrentQueue<InstrumentActionContext> _calls = new();
    private readonly ConcurrentDictionary<CommandId, TaskCompletionSource> _started = new();

    public ScriptedDriver(int channels = 1, IReadOnlyList<ParameterLimit>? limits = null)
    {
        Channels = channels;
        Limits = limits ?? AnnealLimits;
    }

    public IReadOnlyList<ParameterLimit> Limits { get; }

    public int Channels { get; }

    public IReadOnlyList<InstrumentActionContext> Calls => [.. _calls];

    public ConcurrentQueue<CommandId> Cancelled { get; } = new();

    public static IReadOnlyList<ParameterLimit> AnnealLimits { get; } =
    [
        new("temperature", Min: 20, Max: 1000, Unit: "°C"),
        new("atmosphere", Choices: ["air", "argon"]),
        new("minutes", Min: 1, Max: 600, Required: false),
        new("label", Required: false) { Type = ParameterKind.Text },
        new("passes", Min: 1, Max: 9, Required: false) { Type = ParameterKind.Integer, Step = 2 },
    ];

    public InstrumentCapabilities Describe(InstrumentId id) =>
        new(id, "scripted furnace", [new CapabilityDescription("anneal", Idempotent: false, Limits, ["phase"])], Channels);

    public async ValueTask<ParameterSet> ExecuteAsync(InstrumentActionContext context, CancellationToken cancellationToken)
    {
        _calls.Enqueue(context);
        var outcome = Pending(context.CommandId);
        await context.ReportProgressAsync(0.5, cancellationToken);
        Started(context.CommandId).TrySetResult();
        using var registration = cancellationToken.Register(() =>
        {
            Cancelled.Enqueue(context.CommandId);
            outcome.TrySetCanceled(cancellationToken);
        });
        return await outcome.Task;
    }

    /// <summary>Completes when the driver has been called for <paramref name="commandId"/> and reported progress.</summary>
    public Task WhenStartedAsync(CommandId commandId) => Started(commandId).Task.WaitAsync(MessageRecorder.Bound);

    public void Complete(CommandId commandId, ParameterSet results) => Pending(commandId).TrySetResult(results);

    public void Fail(CommandId commandId, Exception exception) => Pending(commandId).TrySetException(exception);

    private TaskCompletionSource<ParameterSet> Pending(CommandId id) =>
        _pending.GetOrAdd(id, _ => new TaskCompletionSource<ParameterSet>(TaskCreationOptions.RunContinuationsAsynchronously));

    private TaskCompletionSource Started(CommandId id) =>
        _started.GetOrAdd(id, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
