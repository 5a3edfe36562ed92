using Precis.Dedup;

namespace Precis.Tests.Dedup;

/// <summary>One-permutation MinHash with densification, and the banded LSH index over it.</summary>
public sealed class MinHashTests
{
    /// <summary>Two sets of 600 shingles that share exactly <paramref name="resemblance"/> of their union.</summary>
    private static (ulong[] A, ulong[] B) SetsWithResemblance(double resemblance)
    {
        const int size = 600;
        int shared = (int)Math.Round(2 * size * resemblance / (1 + resemblance));
        var a = Enumerable.Range(0, size).Select(i => StableHash.Mix((ulong)i)).ToArray();
        var b = Enumerable.Range(0, shared).Concat(Enumerable.Range(10_000, size - shared)).Select(i => StableHash.Mix((ulong)i)).ToArray();
        return (a, b);
    }

    private static ushort[] Signature(ReadOnlySpan<ulong> set, ulong seed, int bins = 128)
    {
        var signature = new ushort[bins];
        new MinHasher(bins, seed).Compute(set, signature).Should().BeTrue();
        return signature;
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(0.3)]
    [InlineData(0.5)]
    [InlineData(0.8)]
    [InlineData(1.0)]
    public void Share_of_equal_bins_estimates_the_resemblance(double resemblance)
    {
        var (a, b) = SetsWithResemblance(resemblance);
        // Averaged over 8 seeds the standard error is at most 0.016; 0.05 is three of them.
        double mean = Enumerable.Range(1, 8).Average(seed => MinHasher.Estimate(Signature(a, (ulong)seed), Signature(b, (ulong)seed)));
        mean.Should().BeApproximately(resemblance, 0.05);
    }

    [Fact]
    public void Signature_is_deterministic_for_a_seed_and_changes_with_it()
    {
        var (a, _) = SetsWithResemblance(0.5);
        Signature(a, 1).Should().Equal(Signature(a, 1));
        Signature(a, 1).Should().NotEqual(Signature(a, 2));
    }

    [Fact]
    public void Tiny_set_fills_every_bin_and_repeats_do_not_matter()
    {
        ulong[] two = [StableHash.Mix(1), StableHash.Mix(2)];
        var signature = Signature(two, 5);
        signature.Distinct().Should().HaveCountLessThanOrEqualTo(2, "empty bins borrow from the two filled ones");
        Signature([two[1], two[0], two[1]], 5).Should().Equal(signature);
    }

    [Fact]
    public void Empty_set_has_no_signature()
    {
        var signature = new ushort[16];
        new MinHasher(16, 1).Compute([], signature).Should().BeFalse();
    }

    [Fact]
    public void Band_keys_agree_exactly_where_the_bands_agree()
    {
        var (a, _) = SetsWithResemblance(1.0);
        var x = Signature(a, 3);
        var y = (ushort[])x.Clone();
        y[5] ^= 1; // band 2 of 64 (rows 4 and 5)
        var kx = new uint[64];
        var ky = new uint[64];
        MinHasher.BandKeys(x, kx);
        MinHasher.BandKeys(y, ky);
        Enumerable.Range(0, 64).Where(b => kx[b] != ky[b]).Should().Equal(2);
    }

    [Fact]
    public void Index_query_finds_items_sharing_a_band_each_once_in_order()
    {
        var builder = new LshIndexBuilder(bands: 3, capacity: 1);
        builder.Add(7, [1, 2, 3]);
        builder.Add(2, [1, 9, 3]);
        builder.Add(5, [8, 8, 8]);
        var index = builder.Build();
        var found = new List<int>();
        index.Query([1, 0, 3], found);
        found.Should().Equal(2, 7);
        index.Count.Should().Be(3);
        index.BytesPerItem.Should().Be(8 * 3 + 8, "three 8-byte entries per item, and a one-slot directory of two ints per band");
    }

    [Fact]
    public void Index_query_over_many_items_matches_a_scan_of_every_item()
    {
        var random = new Random(3);
        var keys = new uint[20_000][];
        var builder = new LshIndexBuilder(bands: 4);
        for (int id = 0; id < keys.Length; id++)
        {
            // Few distinct keys per band, so buckets hold several items and straddle directory slots.
            keys[id] = [(uint)random.Next(5000) * 858_993u, (uint)random.Next(5000) * 858_993u, (uint)random.Next(), (uint)random.Next()];
            builder.Add(id, keys[id]);
        }
        var index = builder.Build();
        var found = new List<int>();
        for (int q = 0; q < 50; q++)
        {
            var query = keys[random.Next(keys.Length)];
            found.Clear();
            index.Query(query, found);
            var expected = Enumerable.Range(0, keys.Length).Where(id => Enumerable.Range(0, 4).Any(b => keys[id][b] == query[b]));
            found.Should().Equal(expected);
        }
    }

    [Fact]
    public void Oversized_bucket_pairs_each_item_with_the_items_just_before_it()
    {
        var builder = new LshIndexBuilder(bands: 1);
        for (int id = 0; id < 10; id++) builder.Add(id, [42]);
        builder.Add(10, [7]);
        var pairs = new PooledBuffer<ulong>(64);
        try
        {
            builder.Build().CollectPairs(maxPartners: 2, ref pairs);
            var list = pairs.Span.ToArray().Select(p => ((int)(p >> 32), (int)(uint)p)).ToList();
            list.Should().HaveCount(1 + 2 * 8, "item 1 pairs with item 0, each later item with the two before it");
            list.Should().OnlyContain(p => p.Item2 - p.Item1 >= 1 && p.Item2 - p.Item1 <= 2);
        }
        finally
        {
            pairs.Dispose();
        }
    }

    [Fact]
    public void Small_bucket_pairs_every_member()
    {
        var builder = new LshIndexBuilder(bands: 2);
        for (int id = 0; id < 4; id++) builder.Add(id, [1, (uint)(100 + id)]);
        var pairs = new PooledBuffer<ulong>(64);
        try
        {
            builder.Build().CollectPairs(maxPartners: 3, ref pairs);
            pairs.Span.ToArray().Distinct().Should().HaveCount(6);
        }
        finally
        {
            pairs.Dispose();
        }
    }
}
