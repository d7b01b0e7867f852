using System.Collections.Concurrent;
using System.Threading.Channels;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Instruments.Sdk.Tests.Fakes;

/// <summary>Delivers matching messages to one handler, in order, one at a time, like an MQTT client.</summary>
public sealed class InMemorySubscription : IAsyncDisposable
{
    private readonly Channel<InboundMessage> _queue = Channel.CreateUnbounded<InboundMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly Func<InboundMessage, CancellationToken, ValueTask> _handler;
    private readonly ConcurrentQueue<Exception> _errors;
    private readonly Task _pump;

    internal InMemorySubscription(InMemoryConnection owner, string filter, Func<InboundMessage, CancellationToken, ValueTask> handler, ConcurrentQueue<Exception> errors)
    {
        Owner = owner;
        Filter = filter;
        _handler = handler;
        _errors = errors;
        _pump = Task.Run(PumpAsync);
    }

    internal InMemoryConnection Owner { get; }

    public string Filter { get; }

    public async ValueTask DisposeAsync()
    {
        Owner.Remove(this);
        _queue.Writer.TryComplete();
        await _pump;
        _stop.Dispose();
    }

    internal void Enqueue(InboundMessage message) => _queue.Writer.TryWrite(message);

    private async Task PumpAsync()
    {
        await foreach (var message in _queue.Reader.ReadAllAsync())
        {
            try
            {
                await _handler(message, _stop.Token);
            }
            catch (Exception ex)
            {
                _errors.Enqueue(ex);
            }
        }
    }
}
