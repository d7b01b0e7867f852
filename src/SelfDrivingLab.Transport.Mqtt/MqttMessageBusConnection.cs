using System.Buffers;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;
using Polly;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// One MQTT 5 client connection that owns its reconnection: a supervisor reconnects through the
/// <see cref="ReconnectPipeline"/> after every loss, restores every subscription and then calls
/// <see cref="MessageBusConnectionOptions.OnConnected"/>. Thread-safe.
/// </summary>
internal sealed class MqttMessageBusConnection : IMessageBusConnection
{
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _clientOptions;
    private readonly MessageBusConnectionOptions _options;
    private readonly ResiliencePipeline _connectPipeline;
    private readonly IWorkTracker _workTracker;
    private readonly ILogger _logger;
    private readonly string _endpoint;
    private readonly Lock _gate = new();
    private readonly MqttSubscriptionRegistry _subscriptions = new();

    // Serializes SUBSCRIBE/UNSUBSCRIBE with the restore after a reconnect, so the broker's view never lags the list.
    private readonly SemaphoreSlim _brokerSubscriptions = new(1, 1);
    private readonly CancellationTokenSource _disposing = new();
    private readonly Channel<bool> _connectionLost = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private TaskCompletionSource _ready = NewReadySignal();
    private Task _supervisor = Task.CompletedTask;
    private int _disposed;
    private string? _lastStartupFailure;

    public MqttMessageBusConnection(IMqttClient client, MqttClientOptions clientOptions, string endpoint, MessageBusConnectionOptions options, ResiliencePipeline connectPipeline, IWorkTracker workTracker, ILogger logger)
    {
        _endpoint = endpoint;
        _client = client;
        _clientOptions = clientOptions;
        _options = options;
        _connectPipeline = connectPipeline;
        _workTracker = workTracker;
        _logger = logger;
        _client.ApplicationMessageReceivedAsync += OnMessageReceivedAsync;
        _client.DisconnectedAsync += OnDisconnectedAsync;
    }

    public string ClientId => _options.ClientId;

    public bool IsConnected => _client.IsConnected && _ready.Task.IsCompleted;

    /// <summary>
    /// Connects, retrying for at most <paramref name="startupTimeout"/> on <paramref name="timeProvider"/>,
    /// then starts supervising the connection (reconnecting without a time limit). Throws
    /// <see cref="MessageBusUnavailableException"/> when the time is up, or at once when the broker refuses the client for good.
    /// </summary>
    public async Task ConnectFirstAsync(TimeSpan startupTimeout, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        // Start-up attempts count as work, so a virtual clock never jumps to the start-up deadline while a
        // connect is under way (the backoff between attempts does count, so it elapses). The first attempt's
        // work starts before the deadline is armed: a thread preempted in between must not find the clock
        // already jumped to it.
        WorkScope? firstAttempt = _workTracker.Begin();
        WorkScope NextAttempt()
        {
            var scope = firstAttempt ?? _workTracker.Begin();
            firstAttempt = null;
            return scope;
        }

        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
            using var deadline = new CancellationTokenSource(startupTimeout, timeProvider);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(linked.Token, deadline.Token);
            try
            {
                await _connectPipeline.ExecuteAsync(ct => ConnectFirstAttemptAsync(NextAttempt(), deadline, ct), bounded.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (deadline.IsCancellationRequested && !linked.IsCancellationRequested && ex is not MessageBusUnavailableException)
            {
                // The deadline cancels the backoff or an attempt in progress: say which broker, and how the last attempt failed.
                var why = _lastStartupFailure ?? "no answer";
                throw new MessageBusUnavailableException(
                    $"could not connect to the MQTT broker at {_endpoint} within {startupTimeout.TotalSeconds:0.###} s (last attempt: {why}); check that it runs and that host and port are right.",
                    ex);
            }
        }
        finally
        {
            firstAttempt?.Dispose();
        }

        _supervisor = Task.Run(SuperviseAsync, CancellationToken.None);
    }

    public async ValueTask PublishAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        var applicationMessage = new MqttApplicationMessageBuilder()
            .WithTopic(message.Topic)
            .WithPayload(new ReadOnlySequence<byte>(message.Payload))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(message.Retain)
            .Build();

        while (true)
        {
            await WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                MqttClientPublishResult result;
                using (_workTracker.Begin())
                {
                    result = await _client.PublishAsync(applicationMessage, cancellationToken).ConfigureAwait(false);
                }

                // Codes below 0x80 are successes (0x10 "no matching subscribers" included).
                if ((int)result.ReasonCode >= 0x80)
                {
                    throw new InvalidOperationException($"The broker refused the publish to '{message.Topic}': {result.ReasonCode} {result.ReasonString}.");
                }

                return;
            }
            catch (MqttCommunicationException ex) when (cancellationToken.IsCancellationRequested)
            {
                // MQTTnet reports a cancelled request as a timeout; callers expect a cancellation.
                throw new OperationCanceledException($"Publishing to '{message.Topic}' was cancelled.", ex, cancellationToken);
            }
            catch (MqttCommunicationException) when (_disposed == 0)
            {
                // The PUBACK may have been lost with the connection; QoS 1 is at-least-once, so publish again
                // once the supervisor has checked (and if need be restored) the connection.
                MarkNotReady();
                _connectionLost.Writer.TryWrite(true);
                Log.PublishInterrupted(_logger, ClientId, message.Topic);
            }
        }
    }

    public async ValueTask<IAsyncDisposable> SubscribeAsync(string topicFilter, Func<InboundMessage, CancellationToken, ValueTask> handler, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed != 0, this);
        ArgumentException.ThrowIfNullOrWhiteSpace(topicFilter);
        var subscription = new MqttSubscription(topicFilter, handler, _workTracker, _logger);
        await _brokerSubscriptions.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            _subscriptions.Add(subscription);
            subscription.Start();
            if (_client.IsConnected)
            {
                try
                {
                    await SubscribeAtBrokerAsync([topicFilter], cancellationToken).ConfigureAwait(false);
                }
                catch (MqttCommunicationException)
                {
                    // Lost the connection meanwhile: the restore after reconnecting subscribes it.
                    MarkNotReady();
                    _connectionLost.Writer.TryWrite(true);
                }
                catch
                {
                    await RemoveLocallyAsync(subscription).ConfigureAwait(false);
                    throw;
                }
            }
        }
        finally
        {
            _brokerSubscriptions.Release();
        }

        return new SubscriptionHandle(this, subscription);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _disposing.CancelAsync().ConfigureAwait(false);
        await _supervisor.ConfigureAwait(false);
        foreach (var subscription in _subscriptions.RemoveAll())
        {
            await subscription.StopAsync().ConfigureAwait(false);
        }

        if (_client.IsConnected)
        {
            try
            {
                // A normal DISCONNECT: the broker discards the last will, so presence stays as last published.
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().WithReason(MqttClientDisconnectOptionsReason.NormalDisconnection).Build(), CancellationToken.None).ConfigureAwait(false);
                Log.DisconnectedCleanly(_logger, ClientId);
            }
            catch (MqttCommunicationException)
            {
                // Already gone; nothing to clean up at the broker.
            }
        }

        _client.ApplicationMessageReceivedAsync -= OnMessageReceivedAsync;
        _client.DisconnectedAsync -= OnDisconnectedAsync;
        _client.Dispose();
        _brokerSubscriptions.Dispose();
        _disposing.Dispose();
    }

    internal async ValueTask UnsubscribeAsync(MqttSubscription subscription)
    {
        if (_disposed != 0)
        {
            return;
        }

        await _brokerSubscriptions.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!await RemoveLocallyAsync(subscription).ConfigureAwait(false) || !_client.IsConnected)
            {
                return;
            }

            if (!_subscriptions.IsFilterUsed(subscription.TopicFilter))
            {
                try
                {
                    await _client.UnsubscribeAsync(new MqttClientUnsubscribeOptionsBuilder().WithTopicFilter(subscription.TopicFilter).Build()).ConfigureAwait(false);
                }
                catch (MqttCommunicationException ex)
                {
                    Log.UnsubscribeFailed(_logger, ex, ClientId, subscription.TopicFilter);
                }
            }
        }
        finally
        {
            _brokerSubscriptions.Release();
        }
    }

    // Once connected, the deadline is disarmed before the attempt's work ends: the code after the attempt
    // may be preempted for longer than the clock's settle checks, and an armed deadline would be the next
    // timer the clock jumps to.
    private async ValueTask ConnectFirstAttemptAsync(WorkScope work, CancellationTokenSource deadline, CancellationToken cancellationToken)
    {
        using (work)
        {
            try
            {
                await ConnectOnceAsync(cancellationToken).ConfigureAwait(false);
                deadline.CancelAfter(Timeout.InfiniteTimeSpan);
            }
            catch (BrokerRefusedConnectionException ex) when (ex.IsPermanent)
            {
                // Retrying cannot help (and the retry pipeline does not retry this exception): fail the start now.
                throw new MessageBusUnavailableException(
                    $"the MQTT broker at {_endpoint} refused the client '{ClientId}': {ex.Describe()}.",
                    ex);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                _lastStartupFailure = ex.Message;
                throw;
            }
        }
    }

    private async ValueTask ConnectOnceAsync(CancellationToken cancellationToken)
    {
        if (!_client.IsConnected)
        {
            var result = await _client.ConnectAsync(_clientOptions, cancellationToken).ConfigureAwait(false);
            if (result.ResultCode != MqttClientConnectResultCode.Success)
            {
                throw new BrokerRefusedConnectionException(ClientId, result.ResultCode, result.ReasonString);
            }
        }

        int restored;
        await _brokerSubscriptions.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var filters = _subscriptions.DistinctFilters();
            await SubscribeAtBrokerAsync(filters, cancellationToken).ConfigureAwait(false);
            restored = filters.Length;
        }
        finally
        {
            _brokerSubscriptions.Release();
        }

        Log.Connected(_logger, ClientId, _endpoint, restored);
        lock (_gate)
        {
            _ready.TrySetResult();
        }

        if (_options.OnConnected is { } onConnected)
        {
            try
            {
                await onConnected(this, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The connection itself is fine; a failing callback must not turn into a reconnect storm.
                Log.OnConnectedFailed(_logger, ex, ClientId);
            }
        }
    }

    private async Task SubscribeAtBrokerAsync(string[] filters, CancellationToken cancellationToken)
    {
        if (filters.Length == 0)
        {
            return;
        }

        var builder = new MqttClientSubscribeOptionsBuilder();
        foreach (var filter in filters)
        {
            builder.WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce);
        }

        var result = await _client.SubscribeAsync(builder.Build(), cancellationToken).ConfigureAwait(false);
        var refused = result.Items.FirstOrDefault(i => (int)i.ResultCode >= 0x80);
        if (refused is not null)
        {
            throw new InvalidOperationException($"The broker refused the subscription to '{refused.TopicFilter.Topic}': {refused.ResultCode}.");
        }
    }

    private async Task SuperviseAsync()
    {
        var token = _disposing.Token;
        try
        {
            while (await _connectionLost.Reader.WaitToReadAsync(token).ConfigureAwait(false))
            {
                _connectionLost.Reader.TryRead(out _);
                if (IsConnected)
                {
                    continue; // A stale signal from a failed attempt of the previous reconnect.
                }

                await _connectPipeline.ExecuteAsync(ConnectOnceAsync, token).ConfigureAwait(false);
            }
        }
        catch (Exception) when (token.IsCancellationRequested)
        {
            // Disposed. The retry pipeline stops on cancellation and rethrows the last connect
            // failure (not an OperationCanceledException): neither matters once we are shutting down.
        }
    }

    private Task OnDisconnectedAsync(MqttClientDisconnectedEventArgs args)
    {
        if (_disposed != 0)
        {
            return Task.CompletedTask;
        }

        MarkNotReady();
        if (args.ClientWasConnected)
        {
            Log.ConnectionLost(_logger, args.Exception, ClientId, LogText.Escape(args.ReasonString) ?? args.Reason.ToString());
        }

        _connectionLost.Writer.TryWrite(true);
        return Task.CompletedTask;
    }

    private Task OnMessageReceivedAsync(MqttApplicationMessageReceivedEventArgs args)
    {
        var message = args.ApplicationMessage;
        _subscriptions.Dispatch(new InboundMessage(message.Topic, message.Payload.ToArray(), message.Retain));
        return Task.CompletedTask;
    }

    private async Task<bool> RemoveLocallyAsync(MqttSubscription subscription)
    {
        var removed = _subscriptions.Remove(subscription);
        if (removed)
        {
            await subscription.StopAsync().ConfigureAwait(false);
        }

        return removed;
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        Task ready;
        lock (_gate)
        {
            ready = _ready.Task;
        }

        if (ready.IsCompleted)
        {
            return;
        }

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _disposing.Token);
        try
        {
            await ready.WaitAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ObjectDisposedException(nameof(MqttMessageBusConnection), "The connection was disposed while waiting to reconnect.");
        }
    }

    private void MarkNotReady()
    {
        lock (_gate)
        {
            if (_ready.Task.IsCompleted)
            {
                _ready = NewReadySignal();
            }
        }
    }

    private static TaskCompletionSource NewReadySignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed class SubscriptionHandle(MqttMessageBusConnection connection, MqttSubscription subscription) : IAsyncDisposable
    {
        private int _disposed;

        public ValueTask DisposeAsync() =>
            Interlocked.Exchange(ref _disposed, 1) == 0 ? connection.UnsubscribeAsync(subscription) : ValueTask.CompletedTask;
    }
}
