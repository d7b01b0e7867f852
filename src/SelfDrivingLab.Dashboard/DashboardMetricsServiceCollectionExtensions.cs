using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using SelfDrivingLab.Core.Diagnostics;

namespace SelfDrivingLab.Dashboard;

/// <summary>Registers the Prometheus exporter of the product's meter on a hosted dashboard (scraped at <c>/metrics</c>).</summary>
internal static class DashboardMetricsServiceCollectionExtensions
{
    /// <summary>
    /// Collects the <see cref="SdlTelemetry.Name"/> meter for Prometheus, as the service <c>sdl</c>. A meter is seen by name, process-wide: the
    /// campaign host's instruments, made by its own <c>IMeterFactory</c>, are exported here.
    /// </summary>
    public static IServiceCollection AddDashboardMetrics(this IServiceCollection services)
    {
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService("sdl")).WithMetrics(metrics => metrics.AddMeter(SdlTelemetry.Name).AddPrometheusExporter());
        return services;
    }
}
