namespace SelfDrivingLab.Hosting.Tests;

public sealed class BrokerAddressTests
{
    [Theory]
    [InlineData("broker.lab:1884", "broker.lab", 1884, false)]
    [InlineData("broker.lab", "broker.lab", 1883, false)]
    [InlineData("mqtt://broker.lab", "broker.lab", 1883, false)]
    [InlineData("mqtts://broker.lab", "broker.lab", 8883, true)]
    [InlineData("mqtts://10.0.0.2:9883", "10.0.0.2", 9883, true)]
    public void TryParse_SchemesAndPorts_ParsedWithTlsFromTheScheme(string text, string host, int port, bool tls)
    {
        Assert.True(BrokerAddress.TryParse(text, out var address, out var error), error);

        Assert.Equal(new BrokerAddress(host, port, tls), address);
    }

    [Fact]
    public void TryParse_UnknownScheme_RefusedNamingIt()
    {
        Assert.False(BrokerAddress.TryParse("ws://broker.lab:80", out _, out var error));

        Assert.Contains("unknown scheme", error, StringComparison.Ordinal);
    }
}
