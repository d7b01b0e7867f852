using MQTTnet;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// The active local subscriptions of one connection and the dispatch of inbound messages to them.
/// Several local subscriptions may share a topic filter; the broker holds it once. Thread-safe.
/// </summary>
internal sealed class MqttSubscriptionRegistry
{
    private readonly Lock _gate = new();
    private readonly List<MqttSubscription> _subscriptions = [];

    public void Add(MqttSubscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }
    }

    public bool Remove(MqttSubscription subscription)
    {
        lock (_gate)
        {
            return _subscriptions.Remove(subscription);
        }
    }

    public MqttSubscription[] RemoveAll()
    {
        lock (_gate)
        {
            MqttSubscription[] all = [.. _subscriptions];
            _subscriptions.Clear();
            return all;
        }
    }

    public bool IsFilterUsed(string topicFilter)
    {
        lock (_gate)
        {
            return _subscriptions.Exists(s => s.TopicFilter == topicFilter);
        }
    }

    public string[] DistinctFilters()
    {
        lock (_gate)
        {
            return [.. _subscriptions.Select(s => s.TopicFilter).Distinct(StringComparer.Ordinal)];
        }
    }

    /// <summary>
    /// Queues <paramref name="message"/> on every subscription whose filter matches its topic. Matching
    /// locally (rather than trusting which SUBSCRIBE the broker matched) keeps overlapping filters
    /// correct on brokers that deliver a message once per client.
    /// </summary>
    public void Dispatch(InboundMessage message)
    {
        lock (_gate)
        {
            foreach (var subscription in _subscriptions)
            {
                if (MqttTopicFilterComparer.Compare(message.Topic, subscription.TopicFilter) == MqttTopicFilterCompareResult.IsMatch)
                {
                    subscription.Enqueue(message);
                }
            }
        }
    }
}
