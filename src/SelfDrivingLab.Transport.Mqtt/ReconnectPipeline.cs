using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using SelfDrivingLab.Core.Text;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// The named Polly pipeline that (re)connects a client: exponential backoff with seeded jitter,
/// capped at <see cref="MqttOptions.ReconnectMaxDelay"/>, retrying until cancelled. Connecting is
/// idempotent, so retrying it forever is safe. A <see cref="MessageBusUnavailableException"/> (a start-up
/// attempt the broker refused for good) is not retried.
/// </summary>
internal static class ReconnectPipeline
{
    /// <summary>The pipeline name seen in Polly telemetry.</summary>
    public const string Name = "SelfDrivingLab.Mqtt.Reconnect";

    public static ResiliencePipeline Create(MqttOptions options, string clientId, TimeProvider timeProvider, ILogger logger)
    {
        // One Random per pipeline: a pipeline runs one attempt at a time, so it is never shared between threads.
        var random = new Random(options.JitterSeed != 0 ? options.JitterSeed : StableHash(clientId));
        var retry = new RetryStrategyOptions
        {
            ShouldHandle = args => ValueTask.FromResult(
                args.Outcome.Exception is not null and not MessageBusUnavailableException && !args.Context.CancellationToken.IsCancellationRequested),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.ReconnectDelay,
            MaxDelay = options.ReconnectMaxDelay,
            Randomizer = random.NextDouble,
            OnRetry = args =>
            {
                Log.ConnectAttemptFailed(logger, clientId, args.AttemptNumber + 1, LogText.Escape(args.Outcome.Exception?.Message), args.RetryDelay);
                return default;
            },
        };

        return new ResiliencePipelineBuilder { Name = Name, InstanceName = clientId, TimeProvider = timeProvider }
            .AddRetry(retry)
            .Build();
    }

    /// <summary>FNV-1a: unlike <see cref="string.GetHashCode()"/> it is the same in every process.</summary>
    internal static int StableHash(string text)
    {
        unchecked
        {
            var hash = 2166136261;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return (int)hash;
        }
    }
}
