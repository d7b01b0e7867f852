using SelfDrivingLab.Core.Ids;
using static SelfDrivingLab.Campaigns.Tests.CampaignFiles;

namespace SelfDrivingLab.Campaigns.Tests.Loading;

public sealed class DerivedIdLengthTests : IDisposable
{
    private readonly CampaignFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Parse_103CharacterNameWithARetriedStep_RejectedNamingTheLimit()
    {
        var name = new string('b', 103);
        var yaml = WithName(name).Replace("deadline: 1h", "deadline: 1h\n    retry: { attempts: 2 }", StringComparison.Ordinal);

        var ex = _files.Fail(yaml);

        var error = Assert.Single(ex.Errors);
        Assert.Equal(("name", LineOf(yaml, "name: bbb")), (error.Path, error.Line));
        Assert.Contains($"reach 138 characters with this budget and these steps, over the id limit of {IdRules.MaxLength}", error.Message, StringComparison.Ordinal);
        Assert.Contains("shorten the name by at least 10 characters", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NameAtTheDerivedLimit_AcceptedAndOneMoreCharacterRejected()
    {
        // name + "-yyyyMMdd-HHmmss" + "-999" + "-e0048" + "-s2" + "-r6": 32 characters beyond the name.
        var atLimit = new string('n', IdRules.MaxLength - 32);

        var definition = _files.Parse(WithName(atLimit));
        var ex = _files.Fail(WithName(atLimit + "n"));

        Assert.Equal(IdRules.MaxLength, SelfDrivingLab.Campaigns.Definitions.LongestIds.Command(definition.Name, definition.Budget, definition.Steps).Length);
        Assert.Equal("name", Assert.Single(ex.Errors).Path);
    }

    [Fact]
    public void Parse_LargeBudget_AddsItsDigitsToTheLongestId()
    {
        var name = new string('n', IdRules.MaxLength - 32);

        var ex = _files.Fail(WithName(name).Replace("budget: 48", "budget: 10000", StringComparison.Ordinal));

        Assert.Contains("reach 129 characters", Assert.Single(ex.Errors).Message, StringComparison.Ordinal);
    }

    private static string WithName(string name) => QuickstartWith("name: crossed-barrel-quickstart", $"name: {name}");
}
