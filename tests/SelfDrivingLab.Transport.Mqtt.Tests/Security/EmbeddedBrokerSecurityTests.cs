using System.Text;
using MQTTnet;
using MQTTnet.Protocol;
using SelfDrivingLab.Core.Ids;
using SelfDrivingLab.Core.Security;
using SelfDrivingLab.Protocol.Security;
using SelfDrivingLab.Transport.Mqtt.Security;

namespace SelfDrivingLab.Transport.Mqtt.Tests.Security;

/// <summary>The attacks of issue 11 against the embedded broker, made with a raw MQTT client as an attacker would.</summary>
public sealed class EmbeddedBrokerSecurityTests
{
    private static readonly AccessPolicy Policy = new(new SiteId("lab"),
    [
        new BrokerIdentity("orchestrator", BrokerRole.Orchestrator),
        new BrokerIdentity("alice", BrokerRole.Operator),
        new BrokerIdentity("dashboard", BrokerRole.Observer),
        new BrokerIdentity("printer-1", BrokerRole.Instrument),
        new BrokerIdentity("tester-1", BrokerRole.Instrument),
    ]);

    [Fact]
    public async Task Connect_Anonymous_IsRefused()
    {
        await using var broker = await StartAsync();
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await ConnectResultAsync(client, TestBus.RawOptions(broker, "anonymous", userName: null));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
    }

    [Theory]
    [InlineData("printer-1", "wrong")]
    [InlineData("printer-evil", "anything")]
    public async Task Connect_WrongPasswordOrUnknownIdentity_IsRefused(string userName, string password)
    {
        await using var broker = await StartAsync();
        using var client = new MqttClientFactory().CreateMqttClient();

        var result = await ConnectResultAsync(client, TestBus.RawOptions(broker, "intruder", userName, password));

        Assert.Equal(MqttClientConnectResultCode.BadUserNameOrPassword, result);
    }

    [Fact]
    public async Task Connect_PlainTcpToTlsBroker_NeverConnects()
    {
        await using var broker = await StartAsync();
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", broker.Port).WithClientId("plain")
            .WithCredentials("printer-1", broker.Access.Credentials.PasswordOf("printer-1")).WithTimeout(TimeSpan.FromSeconds(3)).Build();

        await Assert.ThrowsAnyAsync<Exception>(() => client.ConnectAsync(options));
        Assert.False(client.IsConnected);
    }

    [Fact]
    public async Task Subscribe_InstrumentToEverything_IsRefused()
    {
        await using var broker = await StartAsync();
        using var printer = await ConnectAsync(broker, "printer-1");

        var result = await printer.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sdl/v1/#", MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientSubscribeResultCode.NotAuthorized, Assert.Single(result.Items).ResultCode);
    }

    [Fact]
    public async Task Subscribe_InstrumentToOwnCommands_IsGranted()
    {
        await using var broker = await StartAsync();
        using var printer = await ConnectAsync(broker, "printer-1");

        var result = await printer.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter("sdl/v1/lab/printer-1/command", MqttQualityOfServiceLevel.AtLeastOnce).Build());

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, Assert.Single(result.Items).ResultCode);
    }

    [Fact]
    public async Task Publish_ForgedCompletedEventForAnotherInstrument_IsRefusedAndNeverDelivered()
    {
        await using var broker = await StartAsync();
        var received = await OrchestratorCollectingAsync(broker, "sdl/v1/+/+/event");
        using var attacker = await ConnectAsync(broker, "printer-1");
        using var tester = await ConnectAsync(broker, "tester-1");

        var forged = await attacker.PublishAsync(Message("sdl/v1/lab/tester-1/event", """{"kind":"completed","results":{"toughness":999.25}}"""));
        var genuine = await tester.PublishAsync(Message("sdl/v1/lab/tester-1/event", "genuine"));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.True(genuine.IsSuccess);
        // Messages reach the subscriber in the order the broker accepted them: the first one is the genuine event.
        Assert.Equal("genuine", await received.Reader.ReadAsync().AsTask().WaitAsync(TestBus.Bound));
    }

    [Fact]
    public async Task Publish_RetainedOfflineForAnotherInstrument_IsRefusedAndNotRetained()
    {
        await using var broker = await StartAsync();
        using var attacker = await ConnectAsync(broker, "tester-1");
        using var printer = await ConnectAsync(broker, "printer-1");

        var forged = await attacker.PublishAsync(Message("sdl/v1/lab/printer-1/availability", "offline", retain: true));
        var received = await OrchestratorCollectingAsync(broker, "sdl/v1/+/+/availability");
        await printer.PublishAsync(Message("sdl/v1/lab/printer-1/availability", "online"));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, forged.ReasonCode);
        Assert.Equal("online", await received.Reader.ReadAsync().AsTask().WaitAsync(TestBus.Bound));
    }

    [Fact]
    public async Task Publish_WillOnAnotherInstrumentsAvailability_IsNeverPublished()
    {
        await using var broker = await StartAsync();
        var received = await OrchestratorCollectingAsync(broker, "sdl/v1/+/+/availability");
        using var attacker = new MqttClientFactory().CreateMqttClient();
        var options = TestBus.RawOptions(broker, "attacker-with-will", "tester-1");
        options.WillTopic = "sdl/v1/lab/printer-1/availability";
        options.WillPayload = Encoding.UTF8.GetBytes("offline");
        options.WillQualityOfServiceLevel = MqttQualityOfServiceLevel.AtLeastOnce;
        options.WillRetain = true;
        await attacker.ConnectAsync(options);
        await broker.DropClientAsync("attacker-with-will");
        using var printer = await ConnectAsync(broker, "printer-1");
        await printer.PublishAsync(Message("sdl/v1/lab/printer-1/availability", "online"));

        Assert.Equal("online", await received.Reader.ReadAsync().AsTask().WaitAsync(TestBus.Bound));
    }

    [Theory]
    [InlineData("dashboard", "sdl/v1/control/lab/request/dashboard")]
    [InlineData("dashboard", "sdl/v1/control/lab/request/alice")]
    [InlineData("printer-1", "sdl/v1/control/lab/request/printer-1")]
    [InlineData("alice", "sdl/v1/control/lab/request/orchestrator")]
    public async Task Publish_ControlRequestFromNonOperatorOrOnAnotherIdentitysTopic_IsRefused(string identity, string topic)
    {
        await using var broker = await StartAsync();
        using var client = await ConnectAsync(broker, identity);

        var result = await client.PublishAsync(Message(topic, """{"request_id":"x","action":"abort","operator":"alice","target":"c"}"""));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [Fact]
    public async Task Publish_KnownInstrumentAnnouncingARogueInstrument_IsRefused()
    {
        await using var broker = await StartAsync();
        using var printer = await ConnectAsync(broker, "printer-1");

        var result = await printer.PublishAsync(Message("sdl/v1/lab/printer-evil/capabilities", """{"instrument":"printer-evil"}""", retain: true));

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, result.ReasonCode);
    }

    [Fact]
    public async Task Publish_ControlRequestFromOperatorOnItsOwnTopic_IsAccepted()
    {
        await using var broker = await StartAsync();
        using var alice = await ConnectAsync(broker, "alice");

        var result = await alice.PublishAsync(Message("sdl/v1/control/lab/request/alice", "{}"));

        Assert.True(result.IsSuccess, result.ReasonCode.ToString());
    }

    [Fact]
    public async Task Factory_Tls_ConnectsWithPinnedCertificateAndDeliversMessages()
    {
        await using var broker = await StartAsync();
        var factory = TestBus.Factory(broker);
        await using var orchestrator = await factory.ConnectAsync(new Protocol.Bus.MessageBusConnectionOptions("orchestrator-client"));
        await using var printer = await factory.ConnectAsync(new Protocol.Bus.MessageBusConnectionOptions("printer-client", Identity: "printer-1"));
        var (received, subscription) = await orchestrator.CollectAsync("sdl/v1/+/+/event");
        await using var _ = subscription;

        await printer.PublishAsync(TestBus.Text("sdl/v1/lab/printer-1/event", "hello"));

        Assert.Equal("hello", (await received.NextAsync()).Text());
        Assert.True(broker.UsesTls);
    }

    [Fact]
    public async Task Factory_InstrumentPublishingOutsideItsTopics_IsRefused()
    {
        await using var broker = await StartAsync();
        var factory = TestBus.Factory(broker);
        await using var printer = await factory.ConnectAsync(new Protocol.Bus.MessageBusConnectionOptions("printer-client", Identity: "printer-1"));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => printer.PublishAsync(TestBus.Text("sdl/v1/lab/tester-1/event", "x")).AsTask());

        Assert.Contains("NotAuthorized", error.Message, StringComparison.Ordinal);
    }

    private static async Task<EmbeddedMqttBroker> StartAsync()
    {
        var broker = new EmbeddedMqttBroker(TestBus.FastOptions(), access: EmbeddedBrokerAccess.For(Policy));
        await broker.StartAsync();
        return broker;
    }

    private static async Task<IMqttClient> ConnectAsync(EmbeddedMqttBroker broker, string identity)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(TestBus.RawOptions(broker, $"{identity}-{Guid.NewGuid():N}", identity));
        return client;
    }

    private static async Task<System.Threading.Channels.Channel<string>> OrchestratorCollectingAsync(EmbeddedMqttBroker broker, string filter)
    {
        var received = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var client = await ConnectAsync(broker, "orchestrator");
        client.ApplicationMessageReceivedAsync += e => received.Writer.WriteAsync(e.ApplicationMessage.ConvertPayloadToString()).AsTask();
        var result = await client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(filter, MqttQualityOfServiceLevel.AtLeastOnce).Build());
        Assert.True((int)Assert.Single(result.Items).ResultCode < 0x80);
        return received;
    }

    private static MqttApplicationMessage Message(string topic, string payload, bool retain = false) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).WithRetainFlag(retain).Build();

    private static async Task<MqttClientConnectResultCode> ConnectResultAsync(IMqttClient client, MqttClientOptions options) =>
        (await client.ConnectAsync(options)).ResultCode;
}
