using Microsoft.Extensions.Options;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>Cross-field checks the data annotations cannot express. Thread-safe (stateless).</summary>
internal sealed class MqttOptionsValidator : IValidateOptions<MqttOptions>
{
    public ValidateOptionsResult Validate(string? name, MqttOptions options)
    {
        var failures = new List<string>();
        if (options.ReconnectMaxDelay < options.ReconnectDelay)
        {
            failures.Add($"Mqtt:ReconnectMaxDelay ({options.ReconnectMaxDelay}) must not be shorter than Mqtt:ReconnectDelay ({options.ReconnectDelay}).");
        }

        if (!options.Embedded && string.IsNullOrWhiteSpace(options.Host))
        {
            failures.Add("Mqtt:Host is required when Mqtt:Embedded is false.");
        }

        if (options.Password is not null && options.Username is null)
        {
            failures.Add("Mqtt:Password is set but Mqtt:Username is not.");
        }

        if (options.KeepAlive.TotalSeconds % 1 != 0)
        {
            failures.Add($"Mqtt:KeepAlive ({options.KeepAlive}) must be a whole number of seconds (MQTT sends it in seconds).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
