using CrbnVariantCaller.Compute.Host;
using CrbnVariantCaller.Compute.Tests.Parity;
using Xunit;

namespace CrbnVariantCaller.Compute.Tests.Host;

public sealed class ReadSlicesTests
{
    [Fact]
    public void Slices_cover_every_read_once_honour_the_bound_and_never_split_a_link()
    {
        var rng = new Random(RandomReads.NewSeed());
        for (int trial = 0; trial < 200; trial++)
        {
            int count = rng.Next(1, 2_000);
            int max = rng.Next(1, 300);
            var links = Enumerable.Range(0, rng.Next(0, count))
                .Select(_ => { int a = rng.Next(count); return (a, Math.Min(count - 1, a + rng.Next(0, 40))); })
                .ToList();
            List<(int Start, int End)> slices = ReadSlices.Plan(count, max, links);

            Assert.Equal(0, slices[0].Start);
            Assert.Equal(count, slices[^1].End);
            for (int i = 1; i < slices.Count; i++)
            {
                Assert.Equal(slices[i - 1].End, slices[i].Start);
            }

            int[] sliceOf = new int[count];
            for (int s = 0; s < slices.Count; s++)
            {
                for (int r = slices[s].Start; r < slices[s].End; r++)
                {
                    sliceOf[r] = s;
                }
            }

            Assert.All(links, l => Assert.Equal(sliceOf[l.Item1], sliceOf[l.Item2]));

            // A slice is longer than the bound only when a link forced it past every earlier cut point.
            foreach ((int start, int end) in slices.Take(slices.Count - 1))
            {
                for (int cut = start + max; cut < end; cut++)
                {
                    Assert.Contains(links, l => Math.Min(l.Item1, l.Item2) < cut && Math.Max(l.Item1, l.Item2) >= cut);
                }
            }
        }
    }

    [Fact]
    public void No_links_gives_full_slices()
    {
        Assert.Equal(new[] { (0, 100), (100, 200), (200, 250) }, ReadSlices.Plan(250, 100, []));
        Assert.Empty(ReadSlices.Plan(0, 100, []));
    }
}
