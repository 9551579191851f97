/**
 * The theory beside every number (docs/THEORY.md sections 2 and 4): spectra (finite, power law with
 * its tail carried analytically, measured), the RF eigenframework's omniscient risk estimate with
 * its robust one-dimensional solver, the theory-optimal ridge, and the power-law closed forms.
 * Plain Java.
 */
package org.rfsweep.theory;
