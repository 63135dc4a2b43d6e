namespace Autograder.Kernels.Tests;

public sealed class ReductionTests(bool simd, int vectorBits) : SimdFixture(simd, vectorBits)
{
    [TestCase(1, 1000, 1)]
    [TestCase(3, 7, 5)]
    [TestCase(4, 1, 9)]
    [TestCase(2, 33, 1)]
    public void Sum_max_min_match_naive_loops(int outer, int n, int inner)
    {
        var x = Naive.Random(outer * n * inner, 3);
        double[] sum = new double[outer * inner], max = new double[outer * inner], min = new double[outer * inner];
        long[] argmax = new long[outer * inner], argmin = new long[outer * inner];
        Reduction.Sum<double>(x, outer, n, inner, sum);
        Reduction.Max<double>(x, outer, n, inner, max, argmax);
        Reduction.Min<double>(x, outer, n, inner, min, argmin);
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var column = Enumerable.Range(0, n).Select(r => x[(((o * n) + r) * inner) + i]).ToArray();
                var k = (o * inner) + i;
                Assert.That(sum[k], Is.EqualTo(column.Sum()).Within(1e-12));
                Assert.That(max[k], Is.EqualTo(column.Max()));
                Assert.That(argmax[k], Is.EqualTo(Array.IndexOf(column, column.Max())));
                Assert.That(argmin[k], Is.EqualTo(Array.IndexOf(column, column.Min())));
            }
        }
    }

    [Test]
    public void Ties_take_the_first_index_and_nan_wins()
    {
        var max = new double[1];
        var index = new long[1];
        Reduction.Max<double>([1, 3, 3], 1, 3, 1, max, index);
        Assert.That(index[0], Is.EqualTo(1));
        Reduction.Max<double>([1, double.NaN, 3], 1, 3, 1, max, index);
        Assert.That(double.IsNaN(max[0]) && index[0] == 1, Is.True);
    }

    [Test]
    public void Reducing_an_empty_dimension_for_max_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Reduction.Max<double>([], 1, 0, 1, new double[1], new long[1]));
        Assert.That(error!.Message, Does.Contain("no identity"));
    }
}
