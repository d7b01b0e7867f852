using SelfDrivingLab.Hosting.Security;

namespace SelfDrivingLab.Hosting.Tests.Security;

public sealed class MosquittoPasswordHashTests
{
    [Fact]
    public void Create_KnownSalt_EqualsWhatMosquittoPasswdWrote()
    {
        // mosquitto_passwd -c -b pw alice secret (Mosquitto 2.0.11) wrote this line.
        const string Written = "$7$101$zpHRvXPg8xNQTgcj$BMvnB9e6fTTzqOaTVw7yqDTjC0Bm2YarEQ/y6K40tY6g40c96T/7ZUE9nFkx81eJTx7AX/BYnPanSUVEPlhI5Q==";

        var hash = MosquittoPasswordHash.Create("secret", Convert.FromBase64String("zpHRvXPg8xNQTgcj"));

        Assert.Equal(Written, hash);
    }

    [Fact]
    public void Create_TwoCalls_UseDifferentSalts()
    {
        Assert.NotEqual(MosquittoPasswordHash.Create("secret"), MosquittoPasswordHash.Create("secret"));
    }
}
