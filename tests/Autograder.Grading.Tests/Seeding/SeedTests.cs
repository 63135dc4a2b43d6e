using Autograder.Grading.Checks;

namespace Autograder.Grading.Tests.Seeding;

/// <summary>Hidden seeds: per student, stable, and, with the course's secret, impossible to compute from the ids alone.</summary>
public sealed class SeedTests
{
    private static readonly CheckInfo Hidden = new("a1.fc_backward_hidden", "A1", "hidden", 1, Visibility.Hidden, TimeSpan.FromSeconds(1), ["Homework.A1.Layers.FcBackward"]);

    [Test]
    public void A_secret_keys_the_hidden_seeds_and_leaves_public_ones_alone()
    {
        var unkeyed = Seeds.ForStudent(Hidden.Id, "s1234567");
        var keyed = Seeds.ForStudent(Hidden.Id, "s1234567", "course secret");
        Assert.Multiple(() =>
        {
            Assert.That(keyed, Is.Not.EqualTo(unkeyed), "knowing the ids is not enough");
            Assert.That(Seeds.ForStudent(Hidden.Id, "s1234567", "another secret"), Is.Not.EqualTo(keyed));
            Assert.That(Seeds.ForStudent(Hidden.Id, "s1234567", "course secret"), Is.EqualTo(keyed), "stable");
            Assert.That(Seeds.ForStudent(Hidden.Id, "s7654321", "course secret"), Is.Not.EqualTo(keyed), "per student");
            Assert.That(keyed, Is.Not.Negative);
            Assert.That(Seeds.For(Hidden, "s1234567", "course secret"), Is.EqualTo(keyed));
            Assert.That(Seeds.For(Hidden with { Visibility = Visibility.Visible }, "s1234567", "course secret"), Is.EqualTo(Seeds.Public(Hidden.Id)), "public checks keep their public seed");
            Assert.That(Seeds.ForStudent(Hidden.Id, "s1234567", ""), Is.EqualTo(unkeyed), "an empty secret is no secret");
        });
    }

    /// <summary>HMAC-SHA256 of "student:ID:CHECK" keyed by the secret, first 8 bytes little-endian, shifted right once: worked out here independently.</summary>
    [Test]
    public void The_keyed_seed_is_hmac_sha256_of_the_ids()
    {
        using var hmac = new System.Security.Cryptography.HMACSHA256("k"u8.ToArray());
        var mac = hmac.ComputeHash("student:s1:a1.fc_backward_hidden"u8.ToArray());
        Assert.That(Seeds.ForStudent("a1.fc_backward_hidden", "s1", "k"), Is.EqualTo((long)(BitConverter.ToUInt64(mac, 0) >> 1)));
    }
}
