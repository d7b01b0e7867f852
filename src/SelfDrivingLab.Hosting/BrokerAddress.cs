using System.Globalization;

namespace SelfDrivingLab.Hosting;

/// <summary>An external MQTT broker's host and port.</summary>
/// <param name="Host">Host name or address.</param>
/// <param name="Port">TCP port (1–65535).</param>
public sealed record BrokerAddress(string Host, int Port)
{
    /// <summary>Parses <c>host:port</c> or <c>host</c> (port 1883); null or empty text means "embedded broker" and yields null.</summary>
    public static bool TryParse(string? text, out BrokerAddress? address, out string error)
    {
        address = null;
        error = string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var colon = text.LastIndexOf(':');
        var host = colon < 0 ? text : text[..colon];
        var port = 1883;
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

        address = new BrokerAddress(host, port);
        return true;
    }
}
