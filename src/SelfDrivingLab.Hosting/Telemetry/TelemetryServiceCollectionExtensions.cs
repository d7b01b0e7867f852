using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SelfDrivingLab.Core.Diagnostics;
using SelfDrivingLab.Workflow.Campaigns;

namespace SelfDrivingLab.Hosting.Telemetry;

/// <summary>Registers a campaign host's telemetry: its campaign metrics, and OpenTelemetry export over OTLP when configured.</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Counts the host's experiments on the <c>SelfDrivingLab</c> meter (<see cref="CampaignMetrics"/>, in front of
    /// <paramref name="observer"/>), and binds <see cref="TelemetryOptions"/> (validated at start-up): with
    /// <see cref="TelemetryOptions.OtlpEndpoint"/> set, the <c>SelfDrivingLab</c> traces (one per experiment) and metrics go
    /// to that OTLP collector.
    /// </summary>
    public static IServiceCollection AddSdlTelemetry(this IServiceCollection services, IConfiguration configuration, ICampaignObserver? observer = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton<ICampaignObserver>(provider => new CampaignMetrics(provider.GetRequiredService<IMeterFactory>(), observer));
        var section = configuration.GetSection(TelemetryOptions.SectionName);
        services.AddOptions<TelemetryOptions>().Bind(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>());

        // Read now to decide whether to register the exporters at all; the bound, validated options are what they use.
        var endpoint = section.GetValue<Uri?>(nameof(TelemetryOptions.OtlpEndpoint));
        if (endpoint is null)
        {
            return services;
        }

        // Bad values are refused by the validator when the host starts; the exporter is then never built.
        var grpc = !string.Equals(section.GetValue<string?>(nameof(TelemetryOptions.OtlpProtocol)), "http/protobuf", StringComparison.Ordinal);
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("sdl"))
            .WithTracing(tracing => tracing.AddSource(SdlTelemetry.Name).AddOtlpExporter(o => Otlp(o, endpoint, grpc, "v1/traces")))
            .WithMetrics(metrics => metrics.AddMeter(SdlTelemetry.Name).AddOtlpExporter(o => Otlp(o, endpoint, grpc, "v1/metrics")));
        return services;
    }

    // An endpoint set in code is used as it is: over HTTP, each signal's path is added here, as the OTEL_EXPORTER_OTLP_ENDPOINT
    // convention does (a collector at http://host:4318 takes traces at /v1/traces and metrics at /v1/metrics).
    private static void Otlp(OtlpExporterOptions otlp, Uri endpoint, bool grpc, string signalPath)
    {
        otlp.Protocol = grpc ? OtlpExportProtocol.Grpc : OtlpExportProtocol.HttpProtobuf;
        otlp.Endpoint = grpc ? endpoint : new Uri(endpoint.AbsoluteUri.TrimEnd('/') + "/" + signalPath);
    }
}
