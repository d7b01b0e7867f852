using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SelfDrivingLab.Protocol.Bus;

namespace SelfDrivingLab.Transport.Mqtt.Tests;

public sealed class MqttServiceCollectionExtensionsTests
{
    [Fact]
    public void AddSdlMqtt_NoConfiguration_UsesDocumentedDefaults()
    {
        using var provider = new ServiceCollection().AddSdlMqtt().BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MqttOptions>>().Value;

        Assert.True(options.Embedded);
        Assert.Equal(("127.0.0.1", 0), (options.Host, options.Port));
        Assert.Equal(TimeSpan.FromSeconds(15), options.KeepAlive);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.StartupConnectTimeout);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ReconnectMaxDelay);
        Assert.Equal(TimeSpan.FromHours(1), options.SessionExpiry);
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.IsType<MqttMessageBusFactory>(provider.GetRequiredService<IMessageBusFactory>());
    }

    [Fact]
    public void AddSdlMqtt_ConfigurationSection_IsBoundThenOverriddenByCode()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Mqtt:Embedded"] = "false",
            ["Mqtt:Host"] = "broker.lab",
            ["Mqtt:Port"] = "8883",
            ["Mqtt:KeepAlive"] = "00:00:30",
        }).Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSdlMqtt(o => o.Port = 1884)
            .BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<MqttOptions>>().Value;

        Assert.Equal((false, "broker.lab", 1884, TimeSpan.FromSeconds(30)), (options.Embedded, options.Host, options.Port, options.KeepAlive));
    }

    [Theory]
    [InlineData("Port")]
    [InlineData("ReconnectMaxDelay")]
    [InlineData("KeepAlive")]
    [InlineData("Password")]
    [InlineData("StartupConnectTimeout")]
    public void AddSdlMqtt_InvalidSetting_FailsNamingTheSetting(string setting)
    {
        using var provider = new ServiceCollection().AddSdlMqtt(o =>
        {
            switch (setting)
            {
                case "Port": o.Port = 70000; break;
                case "ReconnectMaxDelay": o.ReconnectMaxDelay = TimeSpan.FromMilliseconds(1); break;
                case "KeepAlive": o.KeepAlive = TimeSpan.FromMilliseconds(1500); break;
                case "Password": o.Password = "secret"; break;
                case "StartupConnectTimeout": o.StartupConnectTimeout = TimeSpan.Zero; break;
            }
        }).BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MqttOptions>>().Value);

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddSdlMqtt_HostStarted_FactoryConnectsToEmbeddedBroker()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSdlMqtt(o => o.ReconnectDelay = TimeSpan.FromMilliseconds(20));
        using var host = builder.Build();
        var factory = host.Services.GetRequiredService<IMessageBusFactory>();

        // Connecting before the host starts waits for the broker's port.
        var connecting = factory.ConnectAsync(new("early-client")).AsTask();
        await host.StartAsync();
        await using var bus = await connecting.WaitAsync(TestBus.Bound);
        var (received, _) = await bus.CollectAsync("lab/#");
        await bus.PublishAsync(TestBus.Text("lab/host", "hello"));

        Assert.Equal("hello", (await received.NextAsync()).Text());
        Assert.NotEqual(0, host.Services.GetRequiredService<EmbeddedMqttBroker>().Port);
        await host.StopAsync();
    }
}
