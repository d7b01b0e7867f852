using System.ComponentModel.DataAnnotations;

namespace SelfDrivingLab.Hosting.Telemetry;

/// <summary>
/// Where a campaign host sends its OpenTelemetry traces and metrics (the <c>SelfDrivingLab</c> activity source and meter),
/// bound from the <c>Telemetry</c> configuration section (e.g. <c>Telemetry__OtlpEndpoint=http://localhost:4317</c>) and
/// validated when the host starts. Without an endpoint (default) nothing is exported over OTLP; the dashboard's
/// <c>/metrics</c> serves the metrics to Prometheus either way.
/// </summary>
public sealed class TelemetryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Telemetry";

    /// <summary>The OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> (HTTP); null (default): no OTLP export.</summary>
    public Uri? OtlpEndpoint { get; set; }

    /// <summary>The OTLP protocol: <c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
    [RegularExpression("^(grpc|http/protobuf)$", ErrorMessage = "Telemetry:OtlpProtocol must be grpc or http/protobuf")]
    public string OtlpProtocol { get; set; } = "grpc";
}
