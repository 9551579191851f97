/**
 * The command line: {@code run}, {@code plan}, {@code show}. The only package that prints to the
 * console.
 */
package org.rfsweep.cli;
