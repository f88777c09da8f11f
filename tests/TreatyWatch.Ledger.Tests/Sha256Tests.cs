namespace TreatyWatch.Ledger.Tests;

public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
    public void KnownDigests(string text, string hex) => Assert.Equal(hex, Sha256.HexOf(text));

    [Fact]
    public void SameDigestsAsTheFramework_AtEveryLengthAroundTheBlockEdges()
    {
        var random = new Random(4);
        for (var n = 0; n < 300; n++)
        {
            var data = new byte[n];
            random.NextBytes(data);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data)), Sha256.HexOf(data));
        }

        var big = new byte[100_003];
        random.NextBytes(big);
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(big)), Sha256.HexOf(big));
    }
}
