package org.perfjunit.revision;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RevisionResolverTests {

    @TempDir
    Path temp;

    private GitFixture twoCommits() throws Exception {
        return GitFixture.init(temp.resolve("repo"))
                .write("README.md", "one\n").commit("one")
                .write("README.md", "two\n").commit("two");
    }

    @Test
    @DisplayName("a ref resolves to the full commit id, from any directory of the checkout")
    void resolvesRefsToCommits() throws Exception {
        GitFixture repo = twoCommits();
        Files.createDirectories(repo.root().resolve("module/src"));

        RevisionResolver resolver = RevisionResolver.around(repo.root().resolve("module/src"));

        assertThat(resolver.checkoutRoot()).isEqualTo(repo.root().toRealPath());
        Revision base = resolver.resolve("HEAD~1");
        assertThat(base.sha()).isEqualTo(repo.sha("HEAD~1")).hasSize(40);
        assertThat(base.shortSha()).isEqualTo(base.sha().substring(0, 7));
        assertThat(base).hasToString("HEAD~1 (" + base.shortSha() + ")");
        assertThat(resolver.resolve(base.sha()).sha()).isEqualTo(base.sha());
    }

    @Test
    @DisplayName("an unknown ref says what git said and how to check the name")
    void unknownRef() throws Exception {
        GitFixture repo = twoCommits();

        assertThatThrownBy(() -> RevisionResolver.around(repo.root()).resolve("no-such-branch"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("Unknown base revision [no-such-branch] in the checkout [" + repo.root().toRealPath()
                        + "] (git: fatal: Needed a single revision). Check the name with `git branch -a` or `git log --oneline -5`.");
    }

    @Test
    @DisplayName("an unknown remote branch suggests fetching it")
    void unknownRemoteBranch() throws Exception {
        GitFixture clone = twoCommits().cloneTo(temp.resolve("clone"));

        assertThat(RevisionResolver.around(clone.root()).resolve("origin/main").sha()).isEqualTo(clone.sha("HEAD"));
        assertThatThrownBy(() -> RevisionResolver.around(clone.root()).resolve("origin/release"))
                .isInstanceOf(RevisionException.class)
                .hasMessageEndingWith("Fetch it first: `git fetch origin release`.");
    }

    @Test
    @DisplayName("history missing from a shallow clone suggests unshallowing it")
    void shallowClone() throws Exception {
        GitFixture shallow = twoCommits().cloneTo(temp.resolve("shallow"), "--depth", "1");

        assertThatThrownBy(() -> RevisionResolver.around(shallow.root()).resolve("HEAD~1"))
                .isInstanceOf(RevisionException.class)
                .hasMessageStartingWith("Unknown base revision [HEAD~1]")
                .hasMessageContaining("This clone is shallow and may lack that history: run `git fetch --unshallow`");
    }

    @Test
    @DisplayName("a directory outside any checkout is a clear error")
    void notACheckout() throws Exception {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        assertThatThrownBy(() -> RevisionResolver.around(plain))
                .isInstanceOf(RevisionException.class)
                .hasMessageStartingWith("Revision A/B needs a git checkout, but [" + plain.toAbsolutePath() + "] is not inside one (git: fatal: not a git repository");
    }

    @Test
    @DisplayName("a missing git program is a clear error")
    void gitNotInstalled() throws Exception {
        GitFixture repo = twoCommits();

        assertThatThrownBy(() -> RevisionResolver.around(repo.root(), "git-is-not-installed-here"))
                .isInstanceOf(RevisionException.class)
                .hasMessageStartingWith("Revision A/B needs git, but [git-is-not-installed-here] could not be run")
                .hasMessageEndingWith("Install git and put it on the PATH.");
    }

    @Test
    @DisplayName("an option-like or blank ref is refused before git sees it")
    void optionLikeRef() throws Exception {
        RevisionResolver resolver = RevisionResolver.around(twoCommits().root());

        assertThatThrownBy(() -> resolver.resolve("--output=/tmp/x"))
                .isInstanceOf(RevisionException.class)
                .hasMessage("The base revision [--output=/tmp/x] is not a git ref; give a branch, tag or commit, e.g. origin/main or HEAD~1.");
        assertThatThrownBy(() -> resolver.resolve(" ")).isInstanceOf(RevisionException.class);
    }
}
