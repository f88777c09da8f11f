using System.Buffers.Binary;
using System.Numerics;

namespace TreatyWatch.Ledger;

/// <summary>
/// SHA-256 (FIPS 180-4) in managed code, for the few kilobytes a query hashes on its way to the first answer (the
/// migrations' checksums, the data folder's fingerprint). On Linux the framework's SHA-256 loads OpenSSL (libssl,
/// libcrypto and its configuration) on first use, which costs a cold command more than the hashing itself
/// (docs/benchmarks.md, "Cold start"). Same digests as <see cref="System.Security.Cryptography.SHA256"/> (tested).
/// Not for large inputs or anything secret: the framework's implementation is faster there.
/// </summary>
public static class Sha256
{
    private static readonly uint[] K =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    /// <summary>The digest of <paramref name="data"/>, as 64 lower-case hex digits.</summary>
    public static string HexOf(ReadOnlySpan<byte> data)
    {
        Span<byte> digest = stackalloc byte[32];
        Hash(data, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>The digest of the UTF-8 bytes of <paramref name="text"/>, as 64 lower-case hex digits.</summary>
    public static string HexOf(string text) => HexOf(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>Writes the 32-byte digest of <paramref name="data"/> to <paramref name="digest"/>.</summary>
    public static void Hash(ReadOnlySpan<byte> data, Span<byte> digest)
    {
        if (digest.Length < 32) throw new ArgumentException("the digest needs 32 bytes", nameof(digest));
        Span<uint> h = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
        Span<uint> w = stackalloc uint[64];

        var full = data.Length / 64 * 64;
        for (var i = 0; i < full; i += 64) Block(h, w, data.Slice(i, 64));

        // The tail, the 0x80 marker, zeros, and the length in bits (big-endian): one or two blocks.
        Span<byte> last = stackalloc byte[128];
        last.Clear();
        var rest = data[full..];
        rest.CopyTo(last);
        last[rest.Length] = 0x80;
        var blocks = rest.Length < 56 ? 1 : 2;
        BinaryPrimitives.WriteUInt64BigEndian(last.Slice(blocks * 64 - 8, 8), (ulong)data.Length * 8);
        for (var b = 0; b < blocks; b++) Block(h, w, last.Slice(b * 64, 64));

        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32BigEndian(digest.Slice(i * 4, 4), h[i]);
    }

    private static void Block(Span<uint> h, Span<uint> w, ReadOnlySpan<byte> block)
    {
        for (var i = 0; i < 16; i++) w[i] = BinaryPrimitives.ReadUInt32BigEndian(block.Slice(i * 4, 4));
        for (var i = 16; i < 64; i++)
        {
            var s0 = BitOperations.RotateRight(w[i - 15], 7) ^ BitOperations.RotateRight(w[i - 15], 18) ^ (w[i - 15] >> 3);
            var s1 = BitOperations.RotateRight(w[i - 2], 17) ^ BitOperations.RotateRight(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }

        uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], k = h[7];
        for (var i = 0; i < 64; i++)
        {
            var t1 = k + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            var t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
            k = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }

        h[0] += a;
        h[1] += b;
        h[2] += c;
        h[3] += d;
        h[4] += e;
        h[5] += f;
        h[6] += g;
        h[7] += k;
    }
}
