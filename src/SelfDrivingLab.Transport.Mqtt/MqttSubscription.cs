using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// One local subscription: a queue drained by a single pump so the handler sees one message at a
/// time in arrival order. A handler exception is logged and the pump carries on. Thread-safe.
/// </summary>
internal sealed class MqttSubscription : IDisposable
{
    // Set while a pump runs a handler, so a handler that unsubscribes itself does not await its own pump.
    private static readonly AsyncLocal<MqttSubscription?> CurrentPump = new();

    private readonly Channel<InboundMessage> _queue = Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<InboundMessage, CancellationToken, ValueTask> _handler;
    private readonly IWorkTracker _workTracker;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private Task _pump = Task.CompletedTask;

    public MqttSubscription(string topicFilter, Func<InboundMessage, CancellationToken, ValueTask> handler, IWorkTracker workTracker, ILogger logger)
    {
        TopicFilter = topicFilter;
        _handler = handler;
        _workTracker = workTracker;
        _logger = logger;
    }

    public string TopicFilter { get; }

    public void Start() => _pump = Task.Run(PumpAsync);

    /// <summary>Queues a message; the unit of work lasts until its handler has returned.</summary>
    public void Enqueue(InboundMessage message)
    {
        _workTracker.Begin();
        if (!_queue.Writer.TryWrite(message))
        {
            _workTracker.End();
        }
    }

    /// <summary>Stops the pump; messages still queued are dropped.</summary>
    public async Task StopAsync()
    {
        // Complete before cancelling: no message can then slip in after the pump's final drain.
        _queue.Writer.TryComplete();
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (CurrentPump.Value != this)
        {
            await _pump.ConfigureAwait(false);
            Dispose();
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task PumpAsync()
    {
        CurrentPump.Value = this;
        var token = _stopping.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                while (!token.IsCancellationRequested && _queue.Reader.TryRead(out var message))
                {
                    await HandleAsync(message, token).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Unsubscribed.
        }
        finally
        {
            while (_queue.Reader.TryRead(out _))
            {
                _workTracker.End();
            }
        }
    }

    private async Task HandleAsync(InboundMessage message, CancellationToken token)
    {
        try
        {
            await _handler(message, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Unsubscribing cancels the running handler; that is not a failure.
        }
#pragma warning disable CA1031 // One bad message or buggy handler must never stop the subscription.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Log.HandlerFailed(_logger, ex, TopicFilter, LogText.Escape(message.Topic));
        }
        finally
        {
            _workTracker.End();
        }
    }
}
