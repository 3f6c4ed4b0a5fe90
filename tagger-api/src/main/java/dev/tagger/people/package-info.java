/**
 * People: faces recognised across a library. Each face's descriptor is kept, locally only, in a
 * {@link dev.tagger.people.PeopleStore}, grouped incrementally into clusters of the same person, which people
 * name, merge, split and forget.
 */
@NullMarked
package dev.tagger.people;

import org.jspecify.annotations.NullMarked;
