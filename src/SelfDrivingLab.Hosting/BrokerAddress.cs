using System.Globalization;

namespace SelfDrivingLab.Hosting;

/// <summary>An external MQTT broker's host and port, and whether it is reached over TLS.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port (1–65535).</param>
/// <param name="Tls">Connect with TLS (<c>mqtts://</c>), validating the broker's certificate.</param>
public sealed record BrokerAddress(string Host, int Port, bool Tls = false)
{
    /// <summary>
    /// Parses <c>host:port</c>, <c>host</c> (port 1883), <c>mqtt://host:port</c> or <c>mqtts://host:port</c> (TLS; port
    /// 8883 by default); null or empty text means "embedded broker" and yields null.
    /// </summary>
    public static bool TryParse(string? text, out BrokerAddress? address, out string error)
    {
        address = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var original = text;
        var tls = false;
        if (text.StartsWith("mqtts://", StringComparison.OrdinalIgnoreCase))
        {
            tls = true;
            text = text["mqtts://".Length..];
        }
        else if (text.StartsWith("mqtt://", StringComparison.OrdinalIgnoreCase))
        {
            text = text["mqtt://".Length..];
        }
        else if (text.Contains("://", StringComparison.Ordinal))
        {
            error = $"'{original}' has an unknown scheme; use host:port, mqtt://host:port or mqtts://host:port.";
            return false;
        }

        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? text : text[..colon];
        var port = tls ? 8883 : 1883;
        if (colon >= 0 && (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port is < 1 or > 65535))
        {
            error = $"'{text}' has no valid port (1-65535); use host:port, e.g. 127.0.0.1:1883.";
            return false;
        }

        if (string.IsNullOrWhiteSpace(host))
        {
            error = $"'{text}' has no host; use host:port, e.g. 127.0.0.1:1883.";
            return false;
        }

        address = new BrokerAddress(host, port, tls);
        return true;
    }
}
