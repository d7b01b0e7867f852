using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Core.Time;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt;

/// <summary>Registers the MQTT transport.</summary>
public static class MqttServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="MqttOptions"/> (bound from the <c>Mqtt</c> section when an
    /// <see cref="IConfiguration"/> is registered, then <paramref name="configure"/>, validated at
    /// start-up), the <see cref="EmbeddedMqttBroker"/> hosted service (inert unless
    /// <see cref="MqttOptions.Embedded"/>), <see cref="MqttMessageBusFactory"/> as
    /// <see cref="IMessageBusFactory"/>, and <see cref="TimeProvider.System"/> unless a
    /// <see cref="TimeProvider"/> is already registered. Call it before registering hosted services
    /// that connect in their <c>StartAsync</c>, so the broker starts first.
    /// </summary>
    public static IServiceCollection AddSdlMqtt(this IServiceCollection services, Action<MqttOptions>? configure = null)
    {
        var options = services.AddOptions<MqttOptions>()
            .Configure<IServiceProvider>((o, provider) => provider.GetService<IConfiguration>()?.GetSection(MqttOptions.SectionName).Bind(o));
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsAttributeValidator>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MqttOptions>, MqttOptionsValidator>());

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<EmbeddedMqttBroker>();
        services.AddHostedService(provider => provider.GetRequiredService<EmbeddedMqttBroker>());
        services.TryAddSingleton<IMessageBusFactory>(provider => new MqttMessageBusFactory(
            provider.GetRequiredService<IOptions<MqttOptions>>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<ILoggerFactory>(),
            provider.GetService<IWorkTracker>(),
            provider.GetRequiredService<EmbeddedMqttBroker>()));
        return services;
    }
}
