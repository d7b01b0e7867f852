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

        if (options.Password is not null && options.PasswordFile is not null)
        {
            failures.Add("Mqtt:Password and Mqtt:PasswordFile are both set; give the password one way.");
        }

        if (options.PasswordFile is not null && options.Username is null)
        {
            failures.Add("Mqtt:PasswordFile is set but Mqtt:Username is not.");
        }

        if (options.ClientKeyFile is not null && options.ClientCertificateFile is null)
        {
            failures.Add("Mqtt:ClientKeyFile is set but Mqtt:ClientCertificateFile is not.");
        }

        if ((options.CaFile is not null || options.ClientCertificateFile is not null) && options.Tls != true && !options.Embedded)
        {
            failures.Add("Mqtt:CaFile or Mqtt:ClientCertificateFile is set but TLS is off; use mqtts://host:port or Mqtt:Tls=true.");
        }

        foreach (var (key, path) in new[]
        {
            ("PasswordFile", options.PasswordFile), ("CredentialsFile", options.CredentialsFile), ("CaFile", options.CaFile),
            ("ClientCertificateFile", options.ClientCertificateFile), ("ClientKeyFile", options.ClientKeyFile),
        })
        {
            if (path is not null && !File.Exists(path))
            {
                failures.Add($"Mqtt:{key}: the file '{Path.GetFullPath(path)}' does not exist.");
            }
        }

        if (options.KeepAlive.TotalSeconds % 1 != 0)
        {
            failures.Add($"Mqtt:KeepAlive ({options.KeepAlive}) must be a whole number of seconds (MQTT sends it in seconds).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
