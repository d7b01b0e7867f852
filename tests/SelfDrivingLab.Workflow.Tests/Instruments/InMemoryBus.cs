using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Workflow.Tests.Instruments;

/// <summary>A broker in a list: publishing runs every matching handler inline, in subscription order ('+' wildcards only).</summary>
internal sealed class InMemoryBus : IMessageBus
{
    private readonly List<(string Filter, Func<InboundMessage, CancellationToken, ValueTask> Handler)> _subscriptions = [];

    public async ValueTask PublishAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        foreach (var (filter, handler) in _subscriptions.Where(s => Matches(s.Filter, message.Topic)).ToList())
        {
            await handler(new InboundMessage(message.Topic, message.Payload, Retained: false), cancellationToken);
        }
    }

    public ValueTask<IAsyncDisposable> SubscribeAsync(string topicFilter, Func<InboundMessage, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        var subscription = (topicFilter, handler);
        _subscriptions.Add(subscription);
        return ValueTask.FromResult<IAsyncDisposable>(new Unsubscriber(() => _subscriptions.Remove(subscription)));
    }

    private static bool Matches(string filter, string topic)
    {
        var f = filter.Split('/');
        var t = topic.Split('/');
        return f.Length == t.Length && f.Zip(t).All(p => p.First == "+" || p.First == p.Second);
    }

    private sealed class Unsubscriber(Action unsubscribe) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            unsubscribe();
            return ValueTask.CompletedTask;
        }
    }
}
