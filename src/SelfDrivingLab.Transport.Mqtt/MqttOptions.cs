using System.ComponentModel.DataAnnotations;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>
/// Broker connection settings, bound from the <c>Mqtt</c> configuration section and validated at
/// start-up. Not thread-safe to mutate; treat as immutable once the host has started.
/// </summary>
public sealed class MqttOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "Mqtt";

    /// <summary>The MQTT port used for an external broker when <see cref="Port"/> is 0.</summary>
    public const int DefaultExternalPort = 1883;

    /// <summary>
    /// Start an in-process broker bound to 127.0.0.1 (default <c>true</c>). Set to <c>false</c> to use
    /// an external broker at <see cref="Host"/>:<see cref="Port"/>.
    /// </summary>
    public bool Embedded { get; set; } = true;

    /// <summary>Broker host name or address (default <c>127.0.0.1</c>). Ignored when <see cref="Embedded"/>.</summary>
    [Required]
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>
    /// Broker TCP port (default 0). For the embedded broker, 0 picks a free ephemeral port; for an
    /// external broker, 0 means <see cref="DefaultExternalPort"/> (1883).
    /// </summary>
    [Range(0, 65535)]
    public int Port { get; set; }

    /// <summary>
    /// User name on an external broker (default none: anonymous), for connections that do not act as an identity of
    /// <see cref="CredentialsFile"/>. Environment: <c>Mqtt__Username</c>. The embedded broker ignores it (its
    /// in-process clients use the credentials it made for the run).
    /// </summary>
    public string? Username { get; set; }

    /// <summary>Password of <see cref="Username"/> (default none). Environment: <c>Mqtt__Password</c>; or use <see cref="PasswordFile"/>.</summary>
    public string? Password { get; set; }

    /// <summary>A file whose content (one line; a final line break is ignored) is the password of <see cref="Username"/> (default none).</summary>
    public string? PasswordFile { get; set; }

    /// <summary>
    /// A credentials file (JSON <c>{"identities": {"printer-1": "…"}}</c>, as written by <c>sdl facility broker-config</c>)
    /// for processes whose connections act as several identities: each simulated instrument connects as its own id
    /// when the file has it, and <see cref="Username"/> takes its password from it when none is given otherwise (default none).
    /// </summary>
    public string? CredentialsFile { get; set; }

    /// <summary>
    /// TLS (default null: on for the embedded broker, which then serves TLS only with a certificate made for the run;
    /// off for an external broker unless it is given as <c>mqtts://host:port</c>). False turns it off for the embedded broker.
    /// </summary>
    public bool? Tls { get; set; }

    /// <summary>
    /// PEM file of the certificate authority (or authorities) that signed an external broker's certificate (default
    /// none: the operating system's trust store). The certificate must also name the host connected to.
    /// </summary>
    public string? CaFile { get; set; }

    /// <summary>PEM client certificate presented to an external broker that asks for one (default none).</summary>
    public string? ClientCertificateFile { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificateFile"/> (default none: the key is in the certificate file).</summary>
    public string? ClientKeyFile { get; set; }

    /// <summary>MQTT keep-alive period (default 15 s): how fast a dead connection is noticed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "18:12:15")]
    public TimeSpan KeepAlive { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long the first connection may take, retries included, before start-up fails with a
    /// <see cref="Protocol.Bus.MessageBusUnavailableException"/> naming the broker (default 30 s; 100 ms to 1 day).
    /// A broker that refuses the client for good (not authorized, bad credentials) fails it at once.
    /// Reconnecting after a connection was once established is not bounded: it goes on until the host stops.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan StartupConnectTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one connection attempt (default 10 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>First reconnect delay; later delays grow exponentially with jitter (default 1 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest delay between reconnect attempts (default 30 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long the broker keeps a disconnected client's session and queued QoS 1 messages (default
    /// 1 h). Sessions are persistent: clean start is off and client ids are stable.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "49710.06:28:15")]
    public TimeSpan SessionExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Seed of the reconnect jitter, so runs are reproducible (default 0: derived from the client id).</summary>
    public int JitterSeed { get; set; }

    /// <summary>The port to connect to, after the defaults for 0 are applied (embedded ports are resolved by the broker).</summary>
    internal int EffectiveExternalPort => Port == 0 ? DefaultExternalPort : Port;
}
