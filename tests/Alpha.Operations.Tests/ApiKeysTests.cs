using Alpha.Operations;
using FsCheck.Xunit;

namespace Alpha.Operations.Tests;

public sealed class ApiKeysTests
{
    private static readonly DateTimeOffset s_now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Create_KeyParsesBack_AndMatchesOnlyItsOwnRecord()
    {
        NewApiKey alice = ApiKeys.Create("alice", OperatorRole.Approver, "cli:root", s_now);
        NewApiKey bob = ApiKeys.Create("bob", OperatorRole.Viewer, "cli:root", s_now);

        Assert.True(ApiKeys.TryParse(alice.Key, out string id, out string secret));
        Assert.Equal(alice.Record.KeyId, id);
        Assert.True(ApiKeys.Matches(alice.Record, secret));
        Assert.False(ApiKeys.Matches(bob.Record, secret));
        Assert.Equal((16, 32, OperatorRole.Approver, "alice"), (alice.Record.Salt.Length, alice.Record.Hash.Length, alice.Record.Role, alice.Record.Name));
        Assert.DoesNotContain(secret, Convert.ToBase64String([.. alice.Record.Hash]), StringComparison.Ordinal);
        Assert.NotEqual(alice.Record.Salt, bob.Record.Salt);
    }

    [Fact]
    public void Matches_AnyChangedByteOfSaltOrHash_Fails()
    {
        NewApiKey key = ApiKeys.Create("alice", OperatorRole.Admin, "cli:root", s_now);
        Assert.True(ApiKeys.TryParse(key.Key, out _, out string secret));
        for (int i = 0; i < 16; i++)
        {
            byte[] salt = [.. key.Record.Salt];
            salt[i] ^= 1;
            Assert.False(ApiKeys.Matches(key.Record with { Salt = [.. salt] }, secret));
        }

        for (int i = 0; i < 32; i++)
        {
            byte[] hash = [.. key.Record.Hash];
            hash[i] ^= 0x80;
            Assert.False(ApiKeys.Matches(key.Record with { Hash = [.. hash] }, secret));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("alpha_")]
    [InlineData("Bearer xyz")]
    [InlineData("alpha_0123456789ab_")]
    [InlineData("alpha_0123456789AB_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]     // upper-case id
    [InlineData("alpha_0123456789ab-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]     // no separator
    [InlineData("alpha_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA!")]     // not base64url
    [InlineData("beta_0123456789ab_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParse_ThingsThatAreNotKeys_AreRefused(string presented) =>
        Assert.False(ApiKeys.TryParse(presented, out _, out _));

    [Property(MaxTest = 500)]
    public bool TryParse_NeverThrows_AndAcceptsOnlyTheKeyShape(string? presented) =>
        !ApiKeys.TryParse(presented, out string id, out string secret) || (presented!.Length == 62 && id.Length == 12 && secret.Length == 43);

    [Theory]
    [InlineData("")]
    [InlineData("alice smith")]
    [InlineData("al'ice")]
    [InlineData("ünicode")]
    [InlineData("a0123456789012345678901234567890123456789012345678901234567890123")]
    public void Create_NameOutsideTheAlphabet_IsRefused(string name) =>
        Assert.Throws<ArgumentException>(() => ApiKeys.Create(name, OperatorRole.Viewer, "cli:root", s_now));

    [Fact]
    public void Roles_AreOrdered_AndReadBackByName()
    {
        OperatorRole[] roles = Enum.GetValues<OperatorRole>();

        Assert.Equal([OperatorRole.Viewer, OperatorRole.Editor, OperatorRole.Approver, OperatorRole.Admin], roles.Order());
        Assert.All(roles, r => Assert.Equal(r, OperatorRoles.Parse(OperatorRoles.Name(r))));
        Assert.True(new OperatorIdentity("x", OperatorRole.Admin).Has(OperatorRole.Approver));
        Assert.False(new OperatorIdentity("x", OperatorRole.Editor).Has(OperatorRole.Approver));
        Assert.Throws<ArgumentException>(() => OperatorRoles.Parse("Admin"));
    }

    [Fact]
    public void SignalCursor_RoundTrips_AndRefusesForeignTokens()
    {
        var cursor = new SignalCursor(new DateTime(2024, 3, 1, 8, 0, 0, DateTimeKind.Utc), "0123456789abcdef0123456789abcdef");

        Assert.True(SignalCursor.TryParse(cursor.ToToken(), out SignalCursor? back));
        Assert.Equal(cursor, back);
        Assert.False(SignalCursor.TryParse("not a cursor", out _));
        Assert.False(SignalCursor.TryParse(System.Buffers.Text.Base64Url.EncodeToString("12|short"u8), out _));
        Assert.False(SignalCursor.TryParse(System.Buffers.Text.Base64Url.EncodeToString("-5|0123456789abcdef0123456789abcdef"u8), out _));
    }
}
