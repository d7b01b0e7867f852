namespace SelfDrivingLab.Hosting.Tests;

public sealed class SdlConfigurationTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Load_TheExampleFile_ReadsEverySectionWithComments()
    {
        File.Copy(Path.Combine(RepositoryPaths.Root, "appsettings.example.json"), _dir.File(SdlConfiguration.FileName));

        var configuration = SdlConfiguration.Load(_dir.Path);

        Assert.Equal("127.0.0.1", configuration["Mqtt:Host"]);
        Assert.Equal("00:02:00", configuration["Campaign:StopGracePeriod"]);
        Assert.Equal("grpc", configuration["Telemetry:OtlpProtocol"]);
    }

    [Fact]
    public void Load_BrokenFile_NamesIt()
    {
        File.WriteAllText(_dir.File(SdlConfiguration.FileName), "{ \"Mqtt\": ");

        var ex = Assert.Throws<InvalidDataException>(() => SdlConfiguration.Load(_dir.Path));

        Assert.StartsWith($"{_dir.File(SdlConfiguration.FileName)} is not valid JSON", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NoFile_IsTheEnvironmentOnly() => Assert.Null(SdlConfiguration.Load(_dir.Path)["Mqtt:Host"]);
}
